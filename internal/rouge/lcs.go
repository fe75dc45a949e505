package rouge

import "math"

// lcsLength returns the length of a longest common subsequence of a and b.
// It takes O(len(a)·len(b)) time but keeps only two rows of the table.
func lcsLength(a, b []int32) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	rows := make([]int32, 2*(len(b)+1))
	prev, cur := rows[:len(b)+1], rows[len(b)+1:]
	for _, x := range a {
		fillRow(cur, prev, x, b)
		prev, cur = cur, prev
	}
	return int(prev[len(b)])
}

// fullTableCells bounds the LCS tables built whole. Article sentences stay
// far below it; past it, lcsMarker trades a second pass for memory.
const fullTableCells = 1 << 20

// lcsMarker reads out one longest common subsequence of two sentences, the
// same one rouge-score's _backtrack_norec reads out, and reuses its buffers
// across calls. The choice of subsequence matters: the union over candidate
// sentences, and so ROUGE-Lsum, depends on it.
type lcsMarker struct {
	checkpoints []int32 // rows 0, step, 2·step, ... of the table
	block       []int32 // rows lo..i of the table, rebuilt per block
	row         []int32 // scratch row for the forward pass
}

// mark sets marked[i] for every position i of ref on the subsequence. It
// leaves other entries alone, so calls for several candidates build a
// union. marked must be at least as long as ref.
//
// Small tables are filled whole. For large ones only every step-th row is
// kept on a first pass; the backtrack then rebuilds the block of rows it is
// in from the checkpoint below it. Each block is rebuilt once, so time at
// most doubles while memory drops from rows·cols to about 2·sqrt(rows)·cols.
func (lm *lcsMarker) mark(ref, cand []int32, marked []bool) {
	rows, cols := len(ref), len(cand)
	if rows == 0 || cols == 0 {
		return
	}
	width := cols + 1
	step := rows
	if rows+1 > fullTableCells/width {
		step = max(int(math.Sqrt(float64(rows))), 1)
	}

	nCheck := (rows-1)/step + 1
	lm.checkpoints = grow(lm.checkpoints, nCheck*width)
	clear(lm.checkpoints[:width])
	if nCheck > 1 {
		lm.row = grow(lm.row, 2*width)
		prev, cur := lm.row[:width], lm.row[width:]
		clear(prev)
		for i := 1; i <= (nCheck-1)*step; i++ {
			fillRow(cur, prev, ref[i-1], cand)
			if i%step == 0 {
				k := i / step
				copy(lm.checkpoints[k*width:(k+1)*width], cur)
			}
			prev, cur = cur, prev
		}
	}

	i, j := rows, cols
	for i > 0 && j > 0 {
		lo := ((i - 1) / step) * step
		lm.block = grow(lm.block, (i-lo+1)*width)
		t := lm.block
		copy(t[:width], lm.checkpoints[(lo/step)*width:(lo/step+1)*width])
		for r := 1; r <= i-lo; r++ {
			fillRow(t[r*width:(r+1)*width], t[(r-1)*width:r*width], ref[lo+r-1], cand)
		}
		for i > lo && j > 0 {
			at := (i - lo) * width
			switch {
			case ref[i-1] == cand[j-1]:
				marked[i-1] = true
				i--
				j--
			case t[at+j-1] > t[at-width+j]:
				j--
			default:
				i--
			}
		}
	}
}

// fillRow computes a row of the LCS table from the row above it; x is the
// reference token of the row. Ties go the way rouge-score's _lcs_table
// breaks them, which the read-out relies on.
func fillRow(cur, prev []int32, x int32, cand []int32) {
	cur[0] = 0
	for j, y := range cand {
		if x == y {
			cur[j+1] = prev[j] + 1
		} else {
			cur[j+1] = max(prev[j+1], cur[j])
		}
	}
}

// grow returns a slice of length n, reusing the array of s when it is large
// enough. The contents are not preserved.
func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
