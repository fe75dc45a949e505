package rouge_test

import (
	"fmt"
	"strings"

	"keypoints/internal/rouge"
)

func ExampleScorer() {
	gold := []string{"The council approved the new budget.", "Taxes will rise next year."}
	predicted := []string{"Council approves budget.", "Taxes rise next year."}

	s := rouge.Scorer{Stem: true}
	scores := s.All(strings.Join(gold, "\n"), strings.Join(predicted, "\n"))
	fmt.Printf("ROUGE-1    F1 %.4f\n", scores.Rouge1.F1)
	fmt.Printf("ROUGE-2    F1 %.4f\n", scores.Rouge2.F1)
	fmt.Printf("ROUGE-L    F1 %.4f\n", scores.RougeL.F1)
	fmt.Printf("ROUGE-Lsum F1 %.4f\n", scores.RougeLsum.F1)
	fmt.Println(s.Tokens(predicted[0]))
	// Output:
	// ROUGE-1    F1 0.7778
	// ROUGE-2    F1 0.5000
	// ROUGE-L    F1 0.7778
	// ROUGE-Lsum F1 0.7778
	// [council approv budget]
}

func ExampleMean() {
	s := rouge.Scorer{Stem: true}
	var mean rouge.Mean
	mean.Add(s.Rouge1("testing one two", "testing"))
	mean.Add(s.Rouge1("testing one two", "testing one two"))
	fmt.Printf("%d articles, mean ROUGE-1 F1 %.2f\n", mean.N(), mean.Score().F1)
	// Output:
	// 2 articles, mean ROUGE-1 F1 0.75
}
