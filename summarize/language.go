package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"keypoints/summarize/internal/wordset"
)

// The language stage refuses text that is clearly not English, so users get a clear message instead of a
// confident-looking summary of text the ranking was never built for. Function words are the cheapest reliable
// signal: every language uses its own few dozen of them constantly, whatever the topic.

// functionWords lists frequent function words per language. Words shared by several languages count for each.
var functionWords = []struct {
	lang  string
	words string
}{
	{"en", "the of and to in is was that for it with as on be at by this have from or an are were has had not but which they he she his her their been will would there who said its into than after about more when we you i"},
	{"fr", "le la les des et est une un du dans que qui pour pas sur au avec ce il elle sont par plus mais ont été cette aux nous vous leur"},
	{"es", "el la los las de y que en un una es por con para del se no su al lo como más pero sus fue está este son ha"},
	{"de", "der die das und ist nicht ein eine zu den mit von sich des auf für im dem auch es an werden aus er hat dass sie nach wird bei noch wie einer um über"},
	{"it", "il di che e la per un una non sono del della con gli le da si nel anche come più ma ha dei alla"},
	{"pt", "o os de que e do da em um uma para com não é no na por mais as dos como mas foi ao ele das tem seu sua"},
	{"nl", "de het een en van ik te dat die in is niet op aan met zijn voor er maar om ook als bij dan nog wordt werd heeft"},
}

// Thresholds of the language check. They are loose on purpose: refusing English is worse than summarizing a
// stray foreign paragraph, so only text that is clearly something else is refused.
const (
	langMinWords      = 20   // fewer words than this prove nothing either way (headlines, lists)
	langMinLetters    = 40   // likewise for the script check
	langMinLatinShare = 0.5  // below this share of Latin letters the text is in another script
	langMinOther      = 0.1  // another language's function words must make at least this share to count
	langMinEnglish    = 0.03 // English prose runs at 0.3 to 0.5; a long text below this is not English prose
	langLongWords     = 60   // from this many words a text without English function words is refused
)

// langWords numbers the function words of every language; langMask holds, by that number, the languages (bits,
// in functionWords' order) that use the word.
var langWords, langMask = func() (wordset.Index, []uint8) {
	var words []string
	var masks []uint8
	number := map[string]int{}
	for i, fw := range functionWords {
		for _, w := range strings.Fields(fw.words) {
			k, ok := number[w]
			if !ok {
				k = len(words)
				number[w] = k
				words = append(words, w)
				masks = append(masks, 0)
			}
			masks[k] |= 1 << i
		}
	}
	return wordset.NewIndex(wordset.JoinKeys(words)), masks
}()

// langLongestWord is the length in bytes of the longest function word: no longer word need be looked up.
var langLongestWord = func() int {
	n := 0
	for k := range langMask {
		n = max(n, len(langWords.Key(k)))
	}
	return n
}()

// langMaxWords is how many words the check reads: a few thousand decide any real input.
const langMaxWords = 4000

// After langSureWords words, a text whose letters are Latin, whose English function words make a good share of its
// words and outnumber any other language's twice over is English: the check stops there. English prose runs at a
// share of 0.3 to 0.5.
const (
	langSureWords   = 300
	langSureLatin   = 0.9
	langSureEnglish = 0.15
)

// scanLetters appends the lowercased letters (and apostrophes) of the word starting at byte i of text to buf,
// counting letters and Latin ones, and returns the index just past the character that ended the word.
func scanLetters(text string, i int, letters, latin *int, buf *[]byte) int {
	for i < len(text) {
		// ASCII, most of any English text, takes the short way: a letter check and lowercasing by byte ranges.
		if c := text[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				*letters++
				*latin++
				*buf = append(*buf, wordset.LowerASCII(c))
			case c == '\'':
				*buf = append(*buf, c)
			default:
				return i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			return i
		}
		*letters++
		if r < 0x250 {
			*latin++
		}
		*buf = utf8.AppendRune(*buf, unicode.ToLower(r))
	}
	return i
}

// isEnglish reports whether text may be English.
func isEnglish(text string) bool {
	letters, latin, words := 0, 0, 0
	var hits [8]int
	var buf []byte // the current word, lowercased
	endWord := func() {
		if len(buf) == 0 {
			return
		}
		words++
		if len(buf) > langLongestWord {
			buf = buf[:0]
			return
		}
		if k, ok := wordset.Find(&langWords, buf); ok {
			mask := langMask[k]
			for i := range functionWords {
				if mask&(1<<i) != 0 {
					hits[i]++
				}
			}
		}
		buf = buf[:0]
	}
	i := 0
	scan := func(limit int) {
		for i < len(text) && words < limit {
			i = scanLetters(text, i, &letters, &latin, &buf)
			endWord()
		}
	}
	scan(langSureWords)
	if words >= langSureWords && float64(latin) >= langSureLatin*float64(letters) &&
		float64(hits[0]) >= langSureEnglish*float64(words) && slices.Max(hits[1:]) < hits[0]/2 {
		return true // news in English says so within a few hundred words; reading on would change nothing
	}
	scan(langMaxWords)
	endWord()
	if letters >= langMinLetters && float64(latin) < langMinLatinShare*float64(letters) {
		return false
	}
	if words < langMinWords {
		return true
	}
	en, n := hits[0], float64(words)
	for _, h := range hits[1:len(functionWords)] {
		if h > en && float64(h) >= langMinOther*n {
			return false // another language's function words outnumber English's
		}
	}
	// Lists of names and figures have few function words of any language; they pass unless they are long.
	return words < langLongWords || float64(en) >= langMinEnglish*n
}
