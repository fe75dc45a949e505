package tagger

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newsSentences are sentences of an AP story, curly quotes and all.
var newsSentences = []string{
	"ROME (AP) — Ukrainian President Volodymyr Zelenskyy has reaffirmed his strong refusal to cede any territory, resisting U.S. pressure for painful concessions to Russia as he moved ahead Tuesday to rally more European support for his country.",
	"“Undoubtedly, Russia insists for us to give up territories. We, clearly, don’t want to give up anything. That’s what we are fighting for,” Zelenskyy told reporters in a WhatsApp chat late Monday.",
	"In an interview with Politico released Tuesday, U.S. President Donald Trump again pressed Zelenskyy to accept the U.S. proposal that Ukraine cede territory to Russia, arguing that Moscow retains the “upper hand” in its nearly 4-year-old invasion, and that Zelenskyy’s government must “play ball.”",
	"The Holy See has tried to stay neutral in the war while offering solidarity and assistance to what it calls the “martyred” people of Ukraine.",
	"A major sticking point in the plan is the suggestion that Kyiv must give up control of the Donbas region of eastern Ukraine to Russia, which illegally occupies most but not all of the territory.",
	"“I give the people of Ukraine and the military of Ukraine tremendous credit for the, you know, bravery and for the fighting and all of that,” he said.",
	"Trump also repeated his call for Ukraine to hold a presidential election even though martial law doesn’t allow it and Zelenskyy, elected in 2019, had his five-year term extended because of the war.",
	"Trump has had a hot-and-cold relationship with Zelenskyy since winning a second term, insisting U.S. support for Ukraine was a waste of taxpayers’ money.",
	"Zelenskyy said Monday that Trump “certainly wants to end the war. ... Surely, he has his own vision.”",
	"He said the current U.S. peace plan differs from earlier versions in that it now has 20 points, down from 28, after he said some “obvious anti-Ukrainian points were removed.”",
	"“The coming days … could be a decisive time for all of us.”",
	"Ukraine’s air force said Russia fired 110 drones across the country overnight.",
	"In Chuvashia, a region about 900 kilometers (about 560 miles) northeast of the border with Ukraine, the attack damaged residential buildings and injured nine people, Gov. Oleg Nikolayev said.",
	"Ukraine’s Security Service carried out a drone attack on a liquefied gas terminal at the port of Temryuk in Russia’s Krasnodar region on Dec. 5, according to an official with knowledge of the operation who spoke to The Associated Press.",
	"More than 20 storage tanks were set ablaze and burned for more than three days, he said.",
}

// newsRepeat repeats newsSentences until they hold at least words words.
func newsRepeat(words int) []string {
	var out []string
	for n := 0; n < words; {
		for _, s := range newsSentences {
			out = append(out, s)
			n += len(strings.Fields(s))
		}
	}
	return out
}

func testTagger(tb testing.TB) *Model {
	tb.Helper()
	tg, err := Load()
	require.NoError(tb, err)
	return tg
}

// proseModel is prose's tagger model, loaded once and reused through
// prose.UsingModel, since prose.NewDocument would otherwise reload it per call.
var proseModel = sync.OnceValues(func() (*prose.Model, error) {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	return doc.Model, nil
})

func proseTokens(tb testing.TB, text string) []prose.Token {
	tb.Helper()
	model, err := proseModel()
	require.NoError(tb, err)
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false),
		prose.UsingModel(model))
	require.NoError(tb, err)
	return doc.Tokens()
}

// asProseReports returns the tags prose would report for toks, cut from text.
// prose's tokenizer caches the tokens of each space-separated chunk but the
// last and hands out the same *Token for every repeat of the chunk, so the tag
// of the last repeat overwrites the others. Its tagger still used the right tag
// as context while it went, so only what it reports differs.
func asProseReports(text string, toks []Token, got []string) []string {
	type chunk struct{ start, end int }
	var chunks []chunk
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		chunks = append(chunks, chunk{i, j})
		i = j
	}
	inChunk := make([][]int, len(chunks))
	c := 0
	for i, tk := range toks {
		for chunks[c].end <= tk.Start {
			c++
		}
		inChunk[c] = append(inChunk[c], i)
	}
	lastRepeat := map[string]int{}
	for c := 0; c < len(chunks)-1; c++ {
		lastRepeat[text[chunks[c].start:chunks[c].end]] = c
	}
	tags := make([]string, len(toks))
	for c := range chunks {
		from := c
		if c < len(chunks)-1 {
			from = lastRepeat[text[chunks[c].start:chunks[c].end]]
		}
		for k, i := range inChunk[c] {
			tags[i] = got[inChunk[from][k]]
		}
	}
	return tags
}

func TestTagAgreesWithProse(t *testing.T) {
	tg := testTagger(t)
	same, reported, total := 0, 0, 0
	for _, s := range newsSentences {
		want := proseTokens(t, s)
		got := Tokenize(s, 0)
		gotTags := tagged(tg, got)
		require.Len(t, got, len(want), s)
		for i := range want {
			require.Equal(t, want[i].Text, got[i].Text, "token %d of %q", i, s)
		}
		asReported := asProseReports(s, got, gotTags)
		for i := range want {
			total++
			if want[i].Tag == asReported[i] {
				same++
			} else {
				t.Logf("%q: prose %s, ours %s", want[i].Text, want[i].Tag, asReported[i])
			}
			if want[i].Tag == gotTags[i] {
				reported++
			}
		}
	}
	t.Logf("%d tokens: %d agree, %d before accounting for prose's shared tokens", total, same, reported)
	assert.GreaterOrEqual(t, float64(same)/float64(total), 0.99)
}

func TestTagDeterministic(t *testing.T) {
	tg := testTagger(t)
	tagAll := func() [][]string {
		out := make([][]string, len(newsSentences))
		for i, s := range newsSentences {
			out[i] = tagged(tg, Tokenize(s, 0))
		}
		return out
	}
	want := tagAll()
	assert.Equal(t, want, tagAll())

	const workers = 8
	got := make([][][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range 5 {
				got[w] = tagAll()
			}
		})
	}
	wg.Wait()
	for w := range workers {
		assert.Equal(t, want, got[w], "worker %d", w)
	}
}

func TestTagSpecialWords(t *testing.T) {
	tg := testTagger(t)
	tests := []struct {
		name string
		text string
		at   int // the token whose tag is checked
		want string
	}{
		{name: "hyphen", text: "left - right", at: 1, want: "-"},
		{name: "emoticon", text: "great :-)", at: 1, want: "SYM"},
		{name: "handle", text: "ask @AP", at: 1, want: "NN"},
		{name: "link", text: "see apnews.com", at: 1, want: "NN"},
		{name: "email", text: "write to info@ap.org", at: 2, want: "NN"},
		// prose's link pattern also matches decimals with two places.
		{name: "decimal", text: "at 1.25 and", at: 1, want: "NN"},
		{name: "short decimal", text: "at 1.5 and", at: 1, want: "CD"},
		{name: "zero", text: "0", want: "-NONE-"},
		{name: "trace", text: "*T*-1", want: "-NONE-"},
		{name: "bracket code", text: "-LRB-", want: "-LRB-"},
		{name: "known word", text: "the", want: "DT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text, 0)
			tags := tagged(tg, toks)
			require.Greater(t, len(toks), tt.at)
			assert.Equal(t, tt.want, tags[tt.at])
			want := proseTokens(t, tt.text)
			require.Len(t, toks, len(want))
			for i, p := range want {
				assert.Equal(t, p.Tag, tags[i], "prose disagrees on %q", p.Text)
			}
		})
	}
}

func TestNewTagger(t *testing.T) {
	tests := []struct {
		name    string
		classes []string
		known   map[string]string
		weights map[string]map[string]float64
		word    string
		want    string
	}{
		{
			name:    "tie goes to first name",
			classes: []string{"VB", "NN"},
			weights: map[string]map[string]float64{"bias": {"VB": 1, "NN": 1}},
			word:    "x",
			want:    "NN",
		},
		{
			name:    "tag missing from classes",
			classes: []string{"VB", "NN"},
			weights: map[string]map[string]float64{"bias": {"VB": 1, "DT": 1}},
			word:    "x",
			want:    "DT",
		},
		{
			name:    "unscored tags cannot win",
			classes: []string{"VB", "NN", "DT"},
			weights: map[string]map[string]float64{"bias": {"NN": -2, "VB": -1}},
			word:    "x",
			want:    "VB",
		},
		{
			name:    "no weights",
			classes: []string{"NN"},
			weights: map[string]map[string]float64{"i word y": {"NN": 1}},
			word:    "x",
			want:    "",
		},
		{
			name:    "features add up",
			classes: []string{"NN", "NNP"},
			weights: map[string]map[string]float64{
				"bias":         {"NN": 1},
				"i word kyiv":  {"NNP": 0.75},
				"i suffix yiv": {"NNP": 0.75},
			},
			word: "Kyiv",
			want: "NNP",
		},
		{
			name:    "known word",
			classes: []string{"NN"},
			known:   map[string]string{"the": "DT"},
			weights: map[string]map[string]float64{"bias": {"NN": 1}},
			word:    "the",
			want:    "DT",
		},
		{
			name:    "word of one kind only",
			classes: []string{"NN", "VB"},
			weights: map[string]map[string]float64{
				"bias":          {"NN": 1},
				"i+1 word kyiv": {"VB": 2},
				"i-1 word kyiv": {"VB": 4},
			},
			word: "Kyiv",
			want: "NN",
		},
		{
			name:    "prefix of a multibyte word",
			classes: []string{"NN", "NNP"},
			// prose keys "école" by the rune of its first byte, 0xC3, which is "Ã".
			weights: map[string]map[string]float64{
				"bias":      {"NN": 1},
				"i pref1 Ã": {"NNP": 2},
				"i pref1 é": {"NN": 4},
			},
			word: "école",
			want: "NNP",
		},
		{
			name:    "empty word",
			classes: []string{"NN", "VB"},
			weights: map[string]map[string]float64{
				"bias":      {"NN": 1},
				"i pref1 ":  {"VB": 1},
				"i suffix ": {"VB": 1},
				"i word ":   {"VB": 1},
			},
			word: "",
			want: "VB",
		},
		{
			name:    "padding as context",
			classes: []string{"NN", "VB"},
			// VB wins only if every feature of the padding scores.
			weights: map[string]map[string]float64{
				"bias":                           {"NN": 2.9},
				"i tag+i-2 tag -START- -START2-": {"VB": 0.5},
				"i-1 tag+i word -START- x":       {"VB": 0.5},
				"i-2 word -START-":               {"VB": 0.5},
				"i-1 suffix T2-":                 {"VB": 0.5},
				"i+1 word -END-":                 {"VB": 0.5},
				"i+2 word -END2-":                {"VB": 0.5},
				"i-1 tag+i word -START2- x":      {"NN": 10},
				"i tag+i-2 tag -START2- -START-": {"NN": 10},
			},
			word: "x",
			want: "VB",
		},
		{
			name:    "keys it never looks up",
			classes: []string{"NN", "VB"},
			weights: map[string]map[string]float64{
				"bias":                {"NN": 1},
				"i suffix abcd":       {"VB": 9},
				"i pref1 ab":          {"VB": 9},
				"i-1 tag A B":         {"VB": 9},
				"i next word abcd":    {"VB": 9},
				"i tag+i-2 tag A B C": {"VB": 9},
			},
			word: "abcd",
			want: "NN",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg, err := newTagger(tt.classes, tt.known, tt.weights)
			require.NoError(t, err)
			assert.Equal(t, []string{tt.want}, tagged(tg, []Token{{Text: tt.word}}))
		})
	}
}

func TestNewTaggerRejects(t *testing.T) {
	tests := []struct {
		name    string
		classes []string
		weights map[string]map[string]float64
		err     string
	}{
		{name: "tag with a space", classes: []string{"N N"}, weights: map[string]map[string]float64{"bias": {"N N": 1}},
			err: `summarize: load tagger: tag "N N" holds a space`},
		{name: "nan weight", classes: []string{"NN"}, weights: map[string]map[string]float64{"bias": {"NN": math.NaN()}},
			err: `summarize: load tagger: weight NaN of "NN"`},
		{name: "huge weight", classes: []string{"NN"}, weights: map[string]map[string]float64{"bias": {"NN": math.MaxFloat64}},
			err: `summarize: load tagger: weight 1.7976931348623157e+308 of "NN"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newTagger(tt.classes, nil, tt.weights)
			assert.EqualError(t, err, tt.err)
		})
	}
}

// TestTagContextTags checks the tag features against context tags of every origin: the padding, tags set by rule
// (some of which the model never predicts), tags of known words, and tags no feature names.
func TestTagContextTags(t *testing.T) {
	m := &proseTaggerModel{
		classes: []string{"NN", "VB"},
		known:   map[string]string{"the": "DT"},
		weights: map[string]map[string]float64{
			"bias":                   {"NN": 1},
			"i-1 tag SYM":            {"VB": 2},
			"i-2 tag -NONE-":         {"VB": 2},
			"i tag+i-2 tag DT SYM":   {"VB": 2},
			"i-1 tag+i word -LRB- x": {"VB": 2},
			"i-1 tag+i word DT y":    {"VB": 2},
			"i-1 tag -":              {"VB": 0.5},
		},
	}
	tg, err := newTagger(m.classes, m.known, m.weights)
	require.NoError(t, err)
	for _, text := range []string{
		":-) x", "0 z x", ":-) the x", "-LRB- x", "the y", "- x", "-ABC- x", "@ap x", "x y x y",
	} {
		assert.Equal(t, keyedTags(m, Tokenize(text, 0)), tagged(tg, Tokenize(text, 0)), text)
	}
}

// keyedTags tags toks as prose does, building every feature's key and looking it up in the weight maps, but adding
// the weights in the order tagger does and breaking ties as it does: the plain statement of what tagger computes.
func keyedTags(m *proseTaggerModel, toks []Token) []string {
	ctx := []string{start1, start2}
	for _, tk := range toks {
		ctx = append(ctx, string(appendNormalized(nil, tk.Text)))
	}
	ctx = append(ctx, end1, end2)
	tags := make([]string, len(toks))
	p1, p2 := start1, start2
	for i, tk := range toks {
		w := tk.Text
		switch {
		case w == "-":
			tags[i] = "-"
		case isEmoticon(w):
			tags[i] = "SYM"
		case strings.HasPrefix(w, "@") || isLink(w) || isEmail(w):
			tags[i] = "NN"
		case isNone(w):
			tags[i] = "-NONE-"
		case isKept(w):
			tags[i] = w
		default:
			if tag, ok := m.known[w]; ok {
				tags[i] = tag
				break
			}
			pref1 := ""
			if w != "" {
				pref1 = string(rune(w[0]))
			}
			c := i + 2
			keys := []string{
				"bias",
				"i suffix " + suffix3(w),
				"i pref1 " + pref1,
				"i-1 tag " + p1,
				"i-2 tag " + p2,
				"i tag+i-2 tag " + p1 + " " + p2,
				"i word " + ctx[c],
				"i-1 tag+i word " + p1 + " " + ctx[c],
				"i-1 word " + ctx[c-1],
				"i-1 suffix " + suffix3(ctx[c-1]),
				"i-2 word " + ctx[c-2],
				"i+1 word " + ctx[c+1],
				"i+1 suffix " + suffix3(ctx[c+1]),
				"i+2 word " + ctx[c+2],
			}
			scores := map[string]float64{}
			for _, k := range keys {
				for _, tag := range slices.Sorted(maps.Keys(m.weights[k])) {
					scores[tag] += m.weights[k][tag]
				}
			}
			found := false
			for _, tag := range slices.Sorted(maps.Keys(scores)) {
				if !found || scores[tag] > scores[tags[i]] {
					tags[i], found = tag, true
				}
			}
		}
		p1, p2 = tags[i], p1
	}
	return tags
}

// tagged tags toks and returns their tags.
func tagged(tg *Model, toks []Token) []string {
	tags := make([]string, len(toks))
	tg.Tag(toks, tags)
	return tags
}

func TestTagMatchesKeyedLookup(t *testing.T) {
	tg := testTagger(t)
	m := proseTaggerAssets(t)
	texts := append(slices.Clone(newsSentences),
		"", "x", "- :-) @ap apnews.com 1.25 0 *T*-1 -LRB- -ABC- the", "É\xff- \xe2\x80 ÉCOLE école 2019 4th five-year",
	)
	for _, text := range texts {
		assert.Equal(t, keyedTags(m, Tokenize(text, 0)), tagged(tg, Tokenize(text, 0)), text)
	}
}

func TestTagOddInput(t *testing.T) {
	tg := testTagger(t)
	tests := []struct {
		name string
		toks []Token
	}{
		{name: "nil", toks: nil},
		{name: "empty text", toks: []Token{{Text: ""}, {Text: "a"}, {Text: ""}}},
		{name: "invalid utf8", toks: []Token{{Text: "\xff"}, {Text: "\xe2\x80"}, {Text: "É\xff-"}}},
		{name: "one", toks: []Token{{Text: "Kyiv"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tags []string
			require.NotPanics(t, func() { tags = tagged(tg, tt.toks) })
			for i, tk := range tt.toks {
				if tk.Text != "" {
					assert.NotEmpty(t, tags[i], "%q", tk.Text)
				}
			}
		})
	}
}

func TestAppendNormalized(t *testing.T) {
	tests := []struct {
		name, word, want string
	}{
		{name: "lower", word: "Kyiv", want: "kyiv"},
		{name: "hyphen", word: "five-year", want: "!HYPHEN"},
		{name: "leading hyphen", word: "-LRB-", want: "-lrb-"},
		{name: "year", word: "2019", want: "!YEAR"},
		{name: "signed four", word: "-123", want: "!YEAR"},
		{name: "digits", word: "110", want: "!DIGITS"},
		{name: "ordinal", word: "4th", want: "!DIGITS"},
		{name: "non ascii", word: "ÉCOLE", want: "école"},
		{name: "invalid", word: "A\xff", want: "a\uFFFD"},
		{name: "empty", word: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, string(appendNormalized(nil, tt.word)))
		})
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range newsSentences {
		f.Add(s)
	}
	f.Add("a\xffb \xe2\x80 - :-) @x 1.25 0 -LRB- *T*-1")
	tg := testTagger(f)
	m := proseTaggerAssets(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text, 0)
		tags := tagged(tg, toks)
		for i, tk := range toks {
			assert.NotEmpty(t, tags[i], "token %d %q", i, tk.Text)
		}
		assert.Equal(t, keyedTags(m, toks), tags)
	})
}

// BenchmarkLoadTagger times decoding the embedded model, which Load does once per process.
func BenchmarkLoadTagger(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeTagger(taggerModel, modelStore{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTag times tagging about 1,000 words of news, sentence by sentence.
func BenchmarkTag(b *testing.B) {
	sentences := newsRepeat(1000)
	words := len(strings.Fields(strings.Join(sentences, " ")))
	perThousand := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)*1000/float64(words), "µs/1000words")
	}

	b.Run("tag", func(b *testing.B) {
		tg := testTagger(b)
		toks := make([][]Token, len(sentences))
		for i, s := range sentences {
			toks[i] = Tokenize(s, 0)
		}
		tags := make([]string, 256)
		b.ReportAllocs()
		for b.Loop() {
			for _, ts := range toks {
				tg.Tag(ts, tags[:len(ts)])
			}
		}
		perThousand(b)
	})
	b.Run("tokenize+tag", func(b *testing.B) {
		tg := testTagger(b)
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range sentences {
				toks := Tokenize(s, 0)
				tg.Tag(toks, make([]string, len(toks)))
			}
		}
		perThousand(b)
	})
	b.Run("prose", func(b *testing.B) {
		proseTokens(b, "")
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range sentences {
				proseTokens(b, s)
			}
		}
		perThousand(b)
	})
}
