package rouge

import "strings"

// This file ports the Porter stemmer of NLTK (nltk/stem/porter.py) in its
// default NLTK_EXTENSIONS mode, because that is the stemmer rouge-score runs
// with use_stemmer=True. The step functions keep NLTK's names and rule order:
// a rule list stops at the first suffix that matches, whether or not its
// condition holds, and several results depend on that.

// irregular maps whole words to the stems NLTK's irregular-forms pool gives
// them; the steps are skipped for these words.
var irregular = map[string]string{
	"sky":      "sky",
	"skies":    "sky",
	"dying":    "die",
	"lying":    "lie",
	"tying":    "tie",
	"news":     "news",
	"innings":  "inning",
	"inning":   "inning",
	"outings":  "outing",
	"outing":   "outing",
	"cannings": "canning",
	"canning":  "canning",
	"howe":     "howe",
	"proceed":  "proceed",
	"exceed":   "exceed",
	"succeed":  "succeed",
}

// stem returns the Porter stem of word exactly as NLTK's
// PorterStemmer().stem does for a lowercase word. Words of one or two bytes
// come back unchanged, and so does the empty string. Bytes other than a-z are
// treated as consonants, as NLTK treats digits; the result is only meaningful
// for lowercase ASCII.
func stem(word string) string {
	if s, ok := irregular[word]; ok {
		return s
	}
	if len(word) <= 2 {
		return word
	}
	w := step1a(word)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5a(w)
	return step5b(w)
}

func isVowelLetter(b byte) bool {
	return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u'
}

// isConsonant reports whether w[i] is a consonant in Porter's sense: not a
// vowel letter, and not a y that follows a consonant. NLTK recurses through
// runs of y; this walks back to the start of the run instead, so a long run
// costs its length and never deep recursion.
func isConsonant(w string, i int) bool {
	if isVowelLetter(w[i]) {
		return false
	}
	if w[i] != 'y' {
		return true
	}
	j := i
	for j > 0 && w[j-1] == 'y' {
		j--
	}
	// w[j] is the first y of the run: a consonant at the start of the word
	// or after a vowel, a vowel after a consonant. The y's then alternate.
	cons := j == 0 || !isConsonant(w, j-1)
	if (i-j)%2 == 1 {
		cons = !cons
	}
	return cons
}

// measure returns Porter's m for s: the number of vowel-to-consonant
// transitions, as NLTK counts "vc" in the consonant/vowel pattern.
func measure(s string) int {
	m := 0
	prevVowel := false
	prevCons := false
	for i := 0; i < len(s); i++ {
		var cons bool
		switch {
		case isVowelLetter(s[i]):
			cons = false
		case s[i] == 'y':
			// The first letter has no predecessor, so a leading y is a
			// consonant; afterwards a y flips its predecessor.
			cons = i == 0 || !prevCons
		default:
			cons = true
		}
		if cons && prevVowel {
			m++
		}
		prevVowel = !cons
		prevCons = cons
	}
	return m
}

func containsVowel(s string) bool {
	for i := range len(s) {
		if !isConsonant(s, i) {
			return true
		}
	}
	return false
}

// endsDoubleConsonant is Porter's *d condition.
func endsDoubleConsonant(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && isConsonant(w, n-1)
}

// endsCVC is Porter's *o condition with NLTK's extension that a two-letter
// vowel-consonant word also counts, so that short words keep their final e.
func endsCVC(w string) bool {
	n := len(w)
	if n >= 3 && isConsonant(w, n-3) && !isConsonant(w, n-2) && isConsonant(w, n-1) {
		last := w[n-1]
		return last != 'w' && last != 'x' && last != 'y'
	}
	return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1)
}

// rule replaces suffix by repl when cond holds for the word without the
// suffix.
type rule struct {
	suffix string
	repl   string
	cond   func(stem string) bool
}

func positiveMeasure(s string) bool { return measure(s) > 0 }

func measureAboveOne(s string) bool { return measure(s) > 1 }

// applyRules applies the first rule whose suffix w ends with. A matching
// rule whose condition fails still ends the search, as in NLTK's
// _apply_rule_list.
func applyRules(w string, rules []rule) string {
	for _, r := range rules {
		if !strings.HasSuffix(w, r.suffix) {
			continue
		}
		s := w[:len(w)-len(r.suffix)]
		if r.cond == nil || r.cond(s) {
			return s + r.repl
		}
		return w
	}
	return w
}

func step1a(w string) string {
	// NLTK extension: "dies" -> "die", where the paper would give "di".
	if len(w) == 4 && strings.HasSuffix(w, "ies") {
		return w[:1] + "ie"
	}
	return applyRules(w, step1aRules)
}

var step1aRules = []rule{
	{"sses", "ss", nil},
	{"ies", "i", nil},
	{"ss", "ss", nil},
	{"s", "", nil},
}

func step1b(w string) string {
	// NLTK extension: "died" -> "die" but "spied" -> "spi".
	if strings.HasSuffix(w, "ied") {
		if len(w) == 4 {
			return w[:1] + "ie"
		}
		return w[:len(w)-3] + "i"
	}
	if strings.HasSuffix(w, "eed") {
		s := w[:len(w)-3]
		if measure(s) > 0 {
			return s + "ee"
		}
		return w
	}

	var s string
	switch {
	case strings.HasSuffix(w, "ed") && containsVowel(w[:len(w)-2]):
		s = w[:len(w)-2]
	case strings.HasSuffix(w, "ing") && containsVowel(w[:len(w)-3]):
		s = w[:len(w)-3]
	default:
		return w
	}

	switch {
	case strings.HasSuffix(s, "at"), strings.HasSuffix(s, "bl"), strings.HasSuffix(s, "iz"):
		return s + "e"
	case endsDoubleConsonant(s):
		if last := s[len(s)-1]; last == 'l' || last == 's' || last == 'z' {
			return s
		}
		return s[:len(s)-1]
	case measure(s) == 1 && endsCVC(s):
		return s + "e"
	}
	return s
}

// step1c turns a final y into i after a consonant that is not the whole
// stem (NLTK's condition): "happy" -> "happi", "enjoy" and "by" unchanged.
func step1c(w string) string {
	if !strings.HasSuffix(w, "y") {
		return w
	}
	s := w[:len(w)-1]
	if len(s) > 1 && isConsonant(s, len(s)-1) {
		return s + "i"
	}
	return w
}

func step2(w string) string {
	// NLTK tries "alli" -> "al" ahead of the list, where the paper has it
	// after "abli", and when it applies runs this step again on the result.
	if strings.HasSuffix(w, "alli") && positiveMeasure(w[:len(w)-4]) {
		return step2(w[:len(w)-4] + "al")
	}
	return applyRules(w, step2Rules)
}

var step2Rules = []rule{
	{"ational", "ate", positiveMeasure},
	{"tional", "tion", positiveMeasure},
	{"enci", "ence", positiveMeasure},
	{"anci", "ance", positiveMeasure},
	{"izer", "ize", positiveMeasure},
	{"bli", "ble", positiveMeasure},
	{"alli", "al", positiveMeasure},
	{"entli", "ent", positiveMeasure},
	{"eli", "e", positiveMeasure},
	{"ousli", "ous", positiveMeasure},
	{"ization", "ize", positiveMeasure},
	{"ation", "ate", positiveMeasure},
	{"ator", "ate", positiveMeasure},
	{"alism", "al", positiveMeasure},
	{"iveness", "ive", positiveMeasure},
	{"fulness", "ful", positiveMeasure},
	{"ousness", "ous", positiveMeasure},
	{"aliti", "al", positiveMeasure},
	{"iviti", "ive", positiveMeasure},
	{"biliti", "ble", positiveMeasure},
	{"fulli", "ful", positiveMeasure},
	// The l of "logi" counts with the stem, so short stems such as "geo" and
	// "theo" reduce like "archaeo" and "philo" (an NLTK extension).
	{"logi", "log", func(s string) bool { return positiveMeasure(s + "l") }},
}

func step3(w string) string { return applyRules(w, step3Rules) }

var step3Rules = []rule{
	{"icate", "ic", positiveMeasure},
	{"ative", "", positiveMeasure},
	{"alize", "al", positiveMeasure},
	{"iciti", "ic", positiveMeasure},
	{"ical", "ic", positiveMeasure},
	{"ful", "", positiveMeasure},
	{"ness", "", positiveMeasure},
}

func step4(w string) string { return applyRules(w, step4Rules) }

var step4Rules = []rule{
	{"al", "", measureAboveOne},
	{"ance", "", measureAboveOne},
	{"ence", "", measureAboveOne},
	{"er", "", measureAboveOne},
	{"ic", "", measureAboveOne},
	{"able", "", measureAboveOne},
	{"ible", "", measureAboveOne},
	{"ant", "", measureAboveOne},
	{"ement", "", measureAboveOne},
	{"ment", "", measureAboveOne},
	{"ent", "", measureAboveOne},
	{"ion", "", func(s string) bool {
		return measure(s) > 1 && (s[len(s)-1] == 's' || s[len(s)-1] == 't')
	}},
	{"ou", "", measureAboveOne},
	{"ism", "", measureAboveOne},
	{"ate", "", measureAboveOne},
	{"iti", "", measureAboveOne},
	{"ous", "", measureAboveOne},
	{"ive", "", measureAboveOne},
	{"ize", "", measureAboveOne},
}

// step5a drops a final e. It cannot use applyRules: both of its rules share
// the suffix and the second must be tried when the first condition fails.
func step5a(w string) string {
	if !strings.HasSuffix(w, "e") {
		return w
	}
	s := w[:len(w)-1]
	m := measure(s)
	if m > 1 || (m == 1 && !endsCVC(s)) {
		return s
	}
	return w
}

// step5b turns a final ll into l when the measure, counted with one l left
// on, is above one: "controll" -> "control", "roll" unchanged.
func step5b(w string) string {
	if strings.HasSuffix(w, "ll") && measure(w[:len(w)-1]) > 1 {
		return w[:len(w)-1]
	}
	return w
}
