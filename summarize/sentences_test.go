package summarize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sentences returns the text of each range segment finds.
func sentences(text string) []string {
	var out []string
	for _, r := range segment(text) {
		out = append(out, text[r[0]:r[1]])
	}
	return out
}

// collapse turns every run of whitespace into one space, so that a sentence
// that spans a newline compares equal to the same sentence on one line.
func collapse(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.Join(strings.Fields(s), " ")
	}
	return out
}

type goldenRule struct {
	ID       int      `json:"id"`
	Title    string   `json:"title"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

func loadGoldenRules(t *testing.T) []goldenRule {
	t.Helper()
	f, err := os.Open("../testdata/golden-rules.jsonl")
	require.NoError(t, err)
	defer f.Close()
	var rules []goldenRule
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r goldenRule
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		rules = append(rules, r)
	}
	require.NoError(t, sc.Err())
	return rules
}

// knownGoldenFailures lists the Golden Rules segment gets wrong, by id,
// with why. The test fails when one of them starts passing too, so that the
// list stays exact. It is empty: rule 18 (a.m./p.m. both inside and at the
// end of a sentence), which most tools miss, passes because a time phrase
// that opens the sentence ("At 5 a.m. Mr. Smith went") keeps its subject.
var knownGoldenFailures = map[int]string{}

func TestSegmentGoldenRules(t *testing.T) {
	rules := loadGoldenRules(t)
	require.Len(t, rules, 52)
	passed := 0
	for _, r := range rules {
		t.Run(fmt.Sprintf("rule%02d", r.ID), func(t *testing.T) {
			if r.ID == 42 {
				// A list with one item per line is split by the paragraph
				// stage, which treats each newline-separated line of a list
				// as its own block; segment sees one paragraph at a time.
				t.Skip("newline-separated list: handled by the paragraph stage")
			}
			got := collapse(sentences(r.Input))
			want := collapse(r.Expected)
			if reason, known := knownGoldenFailures[r.ID]; known {
				assert.NotEqual(t, want, got, "known failure (%s) now passes: remove it from the list", reason)
				return
			}
			if assert.Equal(t, want, got, r.Title) {
				passed++
			}
		})
	}
	t.Logf("golden rules: %d of 51 pass", passed)
}

func TestSegmentNews(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "multi-sentence quote",
			in:   "“Undoubtedly, Russia insists for us to give up territories. We, clearly, don’t want to give up anything. That’s what we are fighting for,” Zelenskyy told reporters in a WhatsApp chat late Monday.",
			want: []string{
				"“Undoubtedly, Russia insists for us to give up territories.",
				"We, clearly, don’t want to give up anything.",
				"That’s what we are fighting for,” Zelenskyy told reporters in a WhatsApp chat late Monday.",
			},
		},
		{
			name: "question quote with attribution",
			in:   `"Is it over?" he asked. Nobody answered.`,
			want: []string{`"Is it over?" he asked.`, "Nobody answered."},
		},
		{
			name: "exclamation quote with attribution",
			in:   "“We will win!” she shouted. The crowd cheered.",
			want: []string{"“We will win!” she shouted.", "The crowd cheered."},
		},
		{
			name: "question quote with named attribution",
			in:   `"Is it true for me?" Travolta asked. "It would not make sense."`,
			want: []string{`"Is it true for me?" Travolta asked.`, `"It would not make sense."`},
		},
		{
			name: "quote with titled attribution",
			in:   "“We will not surrender.” Prime Minister Winston Churchill said, rising.",
			want: []string{"“We will not surrender.” Prime Minister Winston Churchill said, rising."},
		},
		{
			name: "quote then reported speech",
			in:   `"Shouldn't he be entitled too?" Loeb said he filed the suit in March.`,
			want: []string{`"Shouldn't he be entitled too?"`, "Loeb said he filed the suit in March."},
		},
		{
			name: "quote then that said",
			in:   `"Nobody interferes as much." That said, she is making a film.`,
			want: []string{`"Nobody interferes as much."`, "That said, she is making a film."},
		},
		{
			name: "period after parenthesis",
			in:   "The lifts reach 38mph (61km/h). Curiously they are slower going down.",
			want: []string{"The lifts reach 38mph (61km/h).", "Curiously they are slower going down."},
		},
		{
			name: "no space after parenthesis",
			in:   "It is rare (apart from a few cases).This country signs treaties.",
			want: []string{"It is rare (apart from a few cases).", "This country signs treaties."},
		},
		{
			name: "hyphen bullets",
			in:   "- No proposals should be taken forward.\n- The government should act.",
			want: []string{"- No proposals should be taken forward.", "- The government should act."},
		},
		{
			name: "dash after sentence",
			in:   "The bill passed — barely. — and the Senate adjourned.",
			want: []string{"The bill passed — barely. — and the Senate adjourned."},
		},
		{
			name: "leading ellipsis in quote",
			in:   `"When do we decide?" he said. "... A woman is entitled to choose."`,
			want: []string{`"When do we decide?" he said.`, `"... A woman is entitled to choose."`},
		},
		{
			name: "quote then new sentence",
			in:   "“We are ready.” The minister left the room.",
			want: []string{"“We are ready.”", "The minister left the room."},
		},
		{
			name: "dateline",
			in:   "ROME (AP) — Ukrainian President Volodymyr Zelenskyy said Tuesday that talks would resume. Officials did not comment.",
			want: []string{"ROME (AP) — Ukrainian President Volodymyr Zelenskyy said Tuesday that talks would resume.", "Officials did not comment."},
		},
		{
			name: "governor",
			in:   "The drone hit a building in Mykolaiv, Gov. Oleg Nikolayev said. No one was hurt.",
			want: []string{"The drone hit a building in Mykolaiv, Gov. Oleg Nikolayev said.", "No one was hurt."},
		},
		{
			name: "month before day",
			in:   "The vote was held on Dec. 5, according to officials. It passed.",
			want: []string{"The vote was held on Dec. 5, according to officials.", "It passed."},
		},
		{
			name: "sept 11",
			in:   "The attacks of Sept. 11 changed the city. Security tightened.",
			want: []string{"The attacks of Sept. 11 changed the city.", "Security tightened."},
		},
		{
			name: "money",
			in:   "The deal is worth $4.5 billion. Shares rose 3.2%.",
			want: []string{"The deal is worth $4.5 billion.", "Shares rose 3.2%."},
		},
		{
			name: "p.m. before weekday",
			in:   "The strike happened at 10 p.m. Monday. Two people died.",
			want: []string{"The strike happened at 10 p.m. Monday.", "Two people died."},
		},
		{
			name: "p.m. before time zone",
			in:   "Polls close at 8 p.m. ET in most states.",
			want: []string{"Polls close at 8 p.m. ET in most states."},
		},
		{
			name: "a.m. before starter",
			in:   "The blast came at 5 a.m. It shook the whole district.",
			want: []string{"The blast came at 5 a.m.", "It shook the whole district."},
		},
		{
			name: "a.m. before name",
			in:   "The meeting ended at 11 a.m. President Biden then flew home.",
			want: []string{"The meeting ended at 11 a.m.", "President Biden then flew home."},
		},
		{
			name: "a.m. in opening time phrase",
			in:   "At 7 a.m. Ukrainian forces crossed the river.",
			want: []string{"At 7 a.m. Ukrainian forces crossed the river."},
		},
		{
			name: "initialism before lowercase",
			in:   "The U.K. leader said Britain would help. Aid will follow.",
			want: []string{"The U.K. leader said Britain would help.", "Aid will follow."},
		},
		{
			name: "initialism before proper noun",
			in:   "The U.S. State Department declined to comment.",
			want: []string{"The U.S. State Department declined to comment."},
		},
		{
			name: "initialism at end",
			in:   "He moved to the U.S. In 2010 he became a citizen.",
			want: []string{"He moved to the U.S.", "In 2010 he became a citizen."},
		},
		{
			name: "possessive after initialism",
			in:   "The U.S.’s position has not changed.",
			want: []string{"The U.S.’s position has not changed."},
		},
		{
			name: "ellipsis inside quote",
			in:   "“The coming days … could be a decisive time for all of us.” Zelenskyy spoke from Kyiv.",
			want: []string{"“The coming days … could be a decisive time for all of us.”", "Zelenskyy spoke from Kyiv."},
		},
		{
			name: "ellipsis before capital",
			in:   "He paused... Then he left.",
			want: []string{"He paused...", "Then he left."},
		},
		{
			name: "ellipsis before pronoun",
			in:   "“I don’t know … I just want to go home,” she said.",
			want: []string{"“I don’t know … I just want to go home,” she said."},
		},
		{
			name: "saint",
			in:   "The team plays in St. Louis on Friday. Tickets sold out.",
			want: []string{"The team plays in St. Louis on Friday.", "Tickets sold out."},
		},
		{
			name: "versus",
			in:   "It was Argentina vs. France in the final. Argentina won.",
			want: []string{"It was Argentina vs. France in the final.", "Argentina won."},
		},
		{
			name: "for example",
			in:   "Some foods, e.g. Cheddar and Brie, were banned. Others were not.",
			want: []string{"Some foods, e.g. Cheddar and Brie, were banned.", "Others were not."},
		},
		{
			name: "url at end",
			in:   "Read the report at https://www.example.org/reports/2024.html. It is long.",
			want: []string{"Read the report at https://www.example.org/reports/2024.html.", "It is long."},
		},
		{
			name: "url with query",
			in:   "See https://example.com/search?q=Ukraine&page=2 for more. Updates follow.",
			want: []string{"See https://example.com/search?q=Ukraine&page=2 for more.", "Updates follow."},
		},
		{
			name: "titles",
			in:   "Mr. and Mrs. Smith arrived late. Dr. Jones greeted them.",
			want: []string{"Mr. and Mrs. Smith arrived late.", "Dr. Jones greeted them."},
		},
		{
			name: "initials",
			in:   "J.K. Rowling wrote the books. George W. Bush read them.",
			want: []string{"J.K. Rowling wrote the books.", "George W. Bush read them."},
		},
		{
			name: "number sign",
			in:   "He lives at No. 10 Downing Street. She does not.",
			want: []string{"He lives at No. 10 Downing Street.", "She does not."},
		},
		{
			name: "height",
			in:   "She is 5 ft. 2 in. tall and he is 6 ft. 1 in.",
			want: []string{"She is 5 ft. 2 in. tall and he is 6 ft. 1 in."},
		},
		{
			name: "numbered list in one line",
			in:   "1. Cut taxes 2. Raise wages 3. Balance the budget",
			want: []string{"1. Cut taxes", "2. Raise wages", "3. Balance the budget"},
		},
		{
			name: "numbered list after colon",
			in:   "The plan has three parts: 1. Cut taxes. 2. Raise wages. 3. Balance the budget.",
			want: []string{"The plan has three parts: 1. Cut taxes.", "2. Raise wages.", "3. Balance the budget."},
		},
		{
			name: "company",
			in:   "Apple Inc. Chief Executive Tim Cook spoke. Shares of Apple Inc. fell.",
			want: []string{"Apple Inc. Chief Executive Tim Cook spoke.", "Shares of Apple Inc. fell."},
		},
		{
			name: "company at end",
			in:   "He works for Acme Corp. The company makes rockets.",
			want: []string{"He works for Acme Corp.", "The company makes rockets."},
		},
		{
			name: "state abbreviation",
			in:   "Sen. John McCain, R-Ariz., spoke in Phoenix, Ariz. He was cheered.",
			want: []string{"Sen. John McCain, R-Ariz., spoke in Phoenix, Ariz.", "He was cheered."},
		},
		{
			name: "capital after state abbreviation",
			in:   "The Fla. Gov. Ron DeSantis signed it.",
			want: []string{"The Fla. Gov. Ron DeSantis signed it."},
		},
		{
			name: "district of columbia",
			in:   "WASHINGTON, D.C. — The Senate voted. The House did not.",
			want: []string{"WASHINGTON, D.C. — The Senate voted.", "The House did not."},
		},
		{
			name: "newline inside sentence",
			in:   "The army said the\nattack failed. Both sides\nclaimed victory.",
			want: []string{"The army said the\nattack failed.", "Both sides\nclaimed victory."},
		},
		{
			name: "parenthetical sentence",
			in:   "The ministry confirmed the deaths. (Reporting by Jane Doe.) More soon.",
			want: []string{"The ministry confirmed the deaths.", "(Reporting by Jane Doe.)", "More soon."},
		},
		{
			name: "single quotes",
			in:   "‘It’s a fantastic opportunity. I’m fortunate,’ said Locke. ‘But it’s not about me.’",
			want: []string{"‘It’s a fantastic opportunity.", "I’m fortunate,’ said Locke.", "‘But it’s not about me.’"},
		},
		{
			name: "brand after period",
			in:   "Sales slowed last year. iPhone shipments fell 10%.",
			want: []string{"Sales slowed last year.", "iPhone shipments fell 10%."},
		},
		{
			name: "sentence starting with number",
			in:   "The storm hit in 2014. 15 people died.",
			want: []string{"The storm hit in 2014.", "15 people died."},
		},
		{
			name: "bullets",
			in:   "Key facts: • Prices rose • Wages fell",
			want: []string{"Key facts:", "• Prices rose", "• Wages fell"},
		},
		{
			name: "emoji",
			in:   "We won! 🎉 Next game is Sunday.",
			want: []string{"We won!", "🎉 Next game is Sunday."},
		},
		{
			name: "no space after period",
			in:   "Markets fell.Investors were nervous.",
			want: []string{"Markets fell.", "Investors were nervous."},
		},
		{
			name: "email",
			in:   "Write to tips@example.com. We read everything.",
			want: []string{"Write to tips@example.com.", "We read everything."},
		},
		{
			name: "empty",
			in:   "",
			want: nil,
		},
		{
			name: "only spaces",
			in:   " \n\t\u00a0 ",
			want: nil,
		},
		{
			name: "no final punctuation",
			in:   "  Breaking news from Kyiv  ",
			want: []string{"Breaking news from Kyiv"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentences(tt.in))
		})
	}
}

// TestSegmentGlued: pages copied as text run photo captions into the story with no stop between; a capitalised
// article or pronoun before a lowercase word starts a sentence there, and titles and names are left alone.
func TestSegmentGlued(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"after a lowercase word", "The cost rose higher than a colleague The cost of divorce fell.",
			[]string{"The cost rose higher than a colleague", "The cost of divorce fell."}},
		{"after a name", "Aguero looks on at Old Trafford The afternoon started well.",
			[]string{"Aguero looks on at Old Trafford", "The afternoon started well."}},
		{"after a figure", "They meet in Las Vegas on Saturday, May 2 The two boxers have spoken.",
			[]string{"They meet in Las Vegas on Saturday, May 2", "The two boxers have spoken."}},
		{"after a footnote", "Tags never come from the same category.1 In actuality, the case never happens.",
			[]string{"Tags never come from the same category.1", "In actuality, the case never happens."}},
		{"a title after a function word", "He starred in The Great Escape and won.", []string{"He starred in The Great Escape and won."}},
		{"a title after a figure", "It was founded in 2015 The Guardian said.", []string{"It was founded in 2015 The Guardian said."}},
		{"a list number", "Five conditions: 1. The states must repay the loans.",
			[]string{"Five conditions: 1. The states must repay the loans."}},
		{"police after a place", "Officers of Merseyside Police said nothing.", []string{"Officers of Merseyside Police said nothing."}},
		{"a show's title", "Winners include Faking It and French and Saunders.",
			[]string{"Winners include Faking It and French and Saunders."}},
		{"a speaker starting over", "PhD E: Yeah. But We can know soon.", []string{"PhD E: Yeah.", "But We can know soon."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentences(tt.in))
		})
	}
}

func TestSegmentRanges(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][2]int
	}{
		{name: "empty", in: "", want: [][2]int{}},
		{name: "two", in: " Hi there. Bye. ", want: [][2]int{{1, 10}, {11, 15}}},
		{name: "invalid utf-8", in: "Bad \xff\xfe. Good.", want: [][2]int{{0, 7}, {8, 13}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, segment(tt.in))
		})
	}
}

// checkRanges asserts the invariants segment promises for any input.
func checkRanges(t *testing.T, text string, got [][2]int) {
	t.Helper()
	// Rune starts as utf8.DecodeRuneInString sees them walking from the
	// start; invalid bytes are one-byte runes.
	boundary := make([]bool, len(text)+1)
	covered := make([]bool, len(text))
	for i := 0; i < len(text); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	boundary[len(text)] = true
	prev := 0
	for _, r := range got {
		a, b := r[0], r[1]
		require.True(t, prev <= a && a < b && b <= len(text), "range %v out of order or bounds (prev end %d, len %d)", r, prev, len(text))
		require.True(t, boundary[a] && boundary[b], "range %v splits a rune", r)
		first, _ := utf8.DecodeRuneInString(text[a:b])
		last, _ := utf8.DecodeLastRuneInString(text[a:b])
		require.False(t, unicode.IsSpace(first) || unicode.IsSpace(last), "range %v not trimmed: %q", r, text[a:b])
		for i := a; i < b; i++ {
			covered[i] = true
		}
		prev = b
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			require.True(t, covered[i], "byte %d (%q) not in any sentence", i, r)
		}
		i += n
	}
}

func FuzzSegment(f *testing.F) {
	seeds := []string{
		"",
		"Hello World. My name is Jonas.",
		"“Is it over?” he asked. . . . Then: 1.) one 2.) two • 9. x ⁃10. y",
		"At 5 a.m. Mr. Smith went to the bank. He left at 6 P.M. Mr. Smith then went.",
		"Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot.",
		"I never meant that.... She left. . . . . Next [...] “x …” 🎉",
		"a. b. c. 1. 2) 3.) No. N°. U.S.A. e.g. vs. p.m. Jr.'s",
		"bad \xff\xfe. utf8 \xe2\x80. “\xe2\x80\x9d. end",
		" \u00a0\u2003. \u2028x",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	rules, err := os.ReadFile("../testdata/golden-rules.jsonl")
	if err == nil {
		f.Add(string(rules))
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := segment(text)
		checkRanges(t, text, got)
		require.Equal(t, got, segment(text), "not deterministic")
	})
}

// benchText is a few KB of wire copy with the usual traps: quotes,
// abbreviations, initialisms, numbers, times and an ellipsis.
const benchText = `ROME (AP) — Ukrainian President Volodymyr Zelenskyy said Tuesday that his country would not give up territory to end the war, as Russian forces pressed attacks in the east. “Undoubtedly, Russia insists for us to give up territories. We, clearly, don’t want to give up anything. That’s what we are fighting for,” Zelenskyy told reporters in a WhatsApp chat late Monday.
The remarks came as the U.S. Secretary of State met European leaders in Brussels. Gov. Oleg Nikolayev said a drone struck an apartment building in Mykolaiv at 10 p.m. Monday, killing two people and wounding 11. “The coming days … could be a decisive time for all of us,” he said. “Is it over?” one resident asked. Nobody answered.
The European Union approved a $4.5 billion aid package on Dec. 5, according to officials. The U.K. leader said Britain would provide another 2.3 billion pounds. Mr. and Mrs. Smith, who run a charity in St. Louis, said donations rose 40% after Sept. 11 appeals. Dr. J.K. Adams, an economist at the Univ. of Chicago, said the money “won’t be enough. . . . It never is.”
Russia’s Defense Ministry said its forces had taken the village of Novomykhailivka. The claim could not be independently verified. At 5 a.m. Ukrainian units reported heavy shelling near Bakhmut, and by noon the town was on fire. Officials said the attack began at 4:30 a.m. It lasted six hours.
Acme Corp. said it would resume shipments. Its chief executive, Jane Doe, said the company “is committed to Ukraine.” Shares of Acme Corp. rose 3.2% to $101.50 in New York. Analysts at Goldman Sachs Group Inc. raised their target to $120. The No. 2 carmaker in Europe, Volkswagen AG, said it was watching events closely.
Read the full statement at https://www.example.org/statements/2024-12-05.html. Questions may be sent to press@example.org. The prime minister will speak at 10 Downing St. at 6 p.m. It will be broadcast live.
`

func BenchmarkSegment(b *testing.B) {
	text := strings.Repeat(benchText, 2)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		segment(text)
	}
}
