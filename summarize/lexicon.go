package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// The lexicon holds what several stages read the same way: the word lists (function words, verbs of speech,
// calendar and number words) and the predicates on single words and marks. A list that one stage alone reads
// stays in that stage's file.

// stopwords are function words and the verbs of reporting, which carry no topic.
var stopwords = wordset.Of(`a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can could did do does doing don't down during each even ever every few for
from further get got had has have having he her here hers herself him himself his how however i if in into is it its
itself just last least less let like made make many may me might more most much must my myself new no nor not now of
off on once one only or other our ours ourselves out over own per put said same say says saying see seen she should
since so some still such take than that the their theirs them themselves then there these they this those though
through to too told under until up upon us very was we well were what when where whether which while who whom whose
why will with within without would yet you your yours yourself yourselves mr mrs ms dr according including told
asked added tuesday monday wednesday thursday friday saturday sunday week year years day days time today yesterday
tomorrow ago around another back came come going go gone way went two three four five six seven eight nine ten first
second third people percent cent told just 's n't`)

// speechVerbs name who said what: they end an attribution after a quotation (`…," he asked.`), point to a quote's
// speaker, and tell a person ("Jane Doe said") from a name that merely opens a sentence.
var speechVerbs = wordset.Of(`said says told added noted explained wrote claimed insisted argued stressed reported announced warned stated
confirmed tweeted asked asks adds tells writes explains continued replied replies recalled shouted posted
declared admitted acknowledged concluded cried laughed joked whispered yelled screamed responded answered
commented suggested conceded wondered`)

// tailVerbs are the verbs of speech that open an attribution tail a point may drop (", officials said"). Most
// verbs of speech also head clauses of their own (", admitted to trading…", ", acknowledged the point"), which a
// cut would lose; these few almost never do. Every one is in speechVerbs (TestLexicon).
var tailVerbs = wordset.Of("said says told added noted explained wrote claimed insisted argued stressed reported announced warned stated confirmed tweeted")

// calendarWords are capitalised but name no entity.
var calendarWords = wordset.Of("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec I")

// nameSet is wordset.Set for names, where an underscore joins the words of one name ("New_York").
func nameSet(s string) wordset.Set {
	names := strings.Fields(s)
	for i, w := range names {
		names[i] = strings.ReplaceAll(w, "_", " ")
	}
	return wordset.New(names)
}

// isNumberToken reports digits ("110", "4.5", "1,000", "4-year-old") and number words ("three").
func isNumberToken(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	if c >= '0' && c <= '9' {
		return true
	}
	if c >= utf8.RuneSelf || !numberInitials[c] {
		return false // most words skip lowercasing and the map
	}
	return numberWords.Has(strings.ToLower(w))
}

// numberInitials marks the ASCII letters, in either case, that number words start with. A word starting outside
// ASCII is never one: only the Kelvin sign and the dotted capital I lowercase to ASCII letters, k and i, and no
// number word starts with those.
var numberInitials = func() (set [utf8.RuneSelf]bool) {
	for _, w := range numberWords.Words() {
		set[w[0]] = true
		set[unicode.ToUpper(rune(w[0]))] = true
	}
	return set
}()

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w >= "1800" && w <= "2100"
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func isWordToken(s string) bool { return hasWord(s) }

func hasLetter[S string | []byte](s S) bool {
	for _, r := range string(s) {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isSoftPunct reports punctuation that cannot end a point or open a piece.
func isSoftPunct(s string) bool {
	switch s {
	case ",", ";", ":", "—", "–", "-", "--":
		return true
	}
	return false
}

// isClosingPunct reports tokens that end a sentence.
func isClosingPunct(s string) bool {
	switch s {
	case ".", "!", "?", "…", "...":
		return true
	}
	return false
}

// moreFields reports whether s has more than n whitespace-separated fields, as len(strings.Fields(s)) > n would,
// without building them: the stages ask it of every line of a text.
func moreFields(s string, n int) bool {
	fields, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if fields++; fields > n {
				return true
			}
		}
	}
	return false
}

// countWords counts word tokens, only those marked in keep when keep is not nil.
func countWords(toks []token, keep []bool) int {
	n := 0
	for k, t := range toks {
		if (keep == nil || keep[k]) && isWordToken(t.Text) {
			n++
		}
	}
	return n
}

// bareWord is w lowercased without the marks glued to it ("'It", ",it", "He." read as an abbreviation), which do not
// change what word it is.
func bareWord(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
}

// openingWord classifies the first word of a sentence: dangling words make a sentence unusable on its own;
// "He" and "She" can be replaced by the name they stand for.
func openingWord(w string) (dangling, pronoun bool) {
	switch bareWord(w) {
	case "he", "she":
		return false, true
	case "it", "its", "they", "their", "them", "this", "that", "these", "those", "his", "her", "such", "there",
		"here", "both", "another", "so", "then", "thus", "instead", "otherwise", "others", "which":
		return true, false
	}
	return false, false
}

// demonstratives open a sentence either as a pronoun ("This is why…", which needs the sentence before) or as the
// determiner of a noun phrase that names what it points at ("This report discusses…", "These grants provide…",
// "This place has…"), which a reader can take alone; only the word after tells them apart. "That" and "those"
// before a noun point back at what was said ("That rating is based on…", "Those comments…"), so they stay
// dangling.
var demonstratives = wordset.Of("this these")

// determinerTag reports a tag of the word after a demonstrative that makes it a determiner: a noun or an adjective
// ("this report", "these new rules"). A number is not one: "this one" and "those two" point back as a pronoun does.
func determinerTag(word, tag string) bool {
	if w := bareWord(word); w == "one" || w == "ones" {
		return false // tagged a noun, yet it stands for one named before
	}
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ")
}

func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isNameWord reports whether a token can be part of a proper name: capitalised, or an initial ("E", "J.K.").
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || calendarWords.Has(w) {
		return false
	}
	return hasLetter(w)
}

// capitalize upper-cases the first letter of s, after any opening quote marks or brackets.
func capitalize(s string) string {
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune("\"'([\u201c\u2018", r) {
			break
		}
		i += w
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return s[:i] + string(unicode.ToUpper(r)) + s[i+w:]
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// numberWords are the number words a figure may be written in.
var numberWords = wordset.Of("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands dozen dozens million millions billion billions")

// isSpeakerTurn reports whether a line opens with a speaker's name and a colon: "Person1: …", "PhD D: …",
// "Professor B: …", "JOHN: …", "#Person2#: …". A name is at most four words and 30 bytes, each word capitalised.
func isSpeakerTurn(line string) bool {
	c := strings.Index(line, ": ")
	if c <= 0 || c > 30 {
		return false
	}
	name := line[:c]
	words := strings.Fields(name)
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !(w[0] == '#' || w[0] >= 'A' && w[0] <= 'Z' || w[0] >= '0' && w[0] <= '9') {
			return false
		}
	}
	for _, r := range name {
		if !(r == ' ' || r == '#' || r == '.' || r == '\'' || r == '-' || r == '_' ||
			r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// captionOf returns the length of the label that opens a figure's or a table's caption ("Figure 3:", "Table 2.",
// "Fig. 4"), or 0 when s opens with none.
func captionOf(s string) int {
	for _, w := range []string{"Figure ", "Fig. ", "Table "} {
		if !strings.HasPrefix(s, w) {
			continue
		}
		k := len(w)
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k == len(w) || k < len(s) && s[k] != ':' && s[k] != '.' && s[k] != ' ' {
			return 0
		}
		return k
	}
	return 0
}
