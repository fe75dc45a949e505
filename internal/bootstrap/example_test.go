package bootstrap_test

import (
	"fmt"

	"keypoints/internal/bootstrap"
)

func ExamplePaired() {
	// ROUGE-1 F1 of two systems on the same six articles.
	ours := []float64{0.42, 0.38, 0.51, 0.29, 0.47, 0.40}
	lead := []float64{0.40, 0.39, 0.45, 0.30, 0.41, 0.37}
	iv := bootstrap.Paired(ours, lead, bootstrap.Resamples, bootstrap.Seed)
	fmt.Printf("margin %+.3f, 95%% interval [%+.3f, %+.3f], excludes 0: %v\n", iv.Mean, iv.Lo, iv.Hi, iv.Excludes0())
	// Output:
	// margin +0.025, 95% interval [+0.002, +0.048], excludes 0: true
}
