// Package summarize turns English news text into key points grouped by theme.
package summarize
