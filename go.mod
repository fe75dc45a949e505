module keypoints

go 1.26.8
