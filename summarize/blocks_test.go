package summarize

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// kinds returns each block's kind and text, for compact comparison.
func kinds(text string) [][2]string {
	var out [][2]string
	for _, b := range splitBlocks(text) {
		out = append(out, [2]string{b.kind, text[b.start+b.dateline : b.end]})
	}
	return out
}

func TestBlocks(t *testing.T) {
	long := "The council approved the budget on Tuesday after a long debate about schools and roads."
	tests := []struct {
		name string
		text string
		want [][2]string
	}{
		{"blank lines", "First paragraph here.\n\nSecond one here.", [][2]string{{KindText, "First paragraph here."}, {KindText, "Second one here."}}},
		{"single newlines between sentences", "First paragraph here.\nSecond one here.", [][2]string{{KindText, "First paragraph here."}, {KindText, "Second one here."}}},
		{"wrapped lowercase", "This is a sentence\ncut off in the middle because pdf.", [][2]string{{KindText, "This is a sentence\ncut off in the middle because pdf."}}},
		{"wrapped long line", "The council approved the budget on Tuesday after a long debate\nAbout schools and roads.", [][2]string{{KindText, "The council approved the budget on Tuesday after a long debate\nAbout schools and roads."}}},
		{"list", "features\ncontact manager\nevents, activities\n", [][2]string{{KindText, "features"}, {KindText, "contact manager"}, {KindText, "events, activities"}}},
		{"heading", long + "\n\nFacing US pressure\n\n" + long, [][2]string{{KindText, long}, {KindHeading, "Facing US pressure"}, {KindText, long}}},
		{"heading single newline", long + "\nFacing US pressure\n" + long, [][2]string{{KindText, long}, {KindHeading, "Facing US pressure"}, {KindText, long}}},
		{"title", "Zelenskyy refuses to cede territory\n\n" + long, [][2]string{{KindTitle, "Zelenskyy refuses to cede territory"}, {KindText, long}}},
		{"question heading", long + "\n\nWhat happens next?\n\n" + long, [][2]string{{KindText, long}, {KindHeading, "What happens next?"}, {KindText, long}}},
		{"last short line is text", long + "\n\nThanks for reading", [][2]string{{KindText, long}, {KindText, "Thanks for reading"}}},
		{"dateline ap", "ROME (AP) — Ukrainian President Volodymyr Zelenskyy has spoken.", [][2]string{{KindText, "Ukrainian President Volodymyr Zelenskyy has spoken."}}},
		{"dateline cnn", "(CNN)Sofia Vergara's ex-fiance is speaking out.", [][2]string{{KindText, "Sofia Vergara's ex-fiance is speaking out."}}},
		{"dateline region", "KYIV, Ukraine — Russia fired 110 drones overnight.", [][2]string{{KindText, "Russia fired 110 drones overnight."}}},
		{"dateline double dash", "LONDON, England (CNN) -- The prime minister spoke.", [][2]string{{KindText, "The prime minister spoke."}}},
		{"no dateline", "U.S. officials said the talks went well.", [][2]string{{KindText, "U.S. officials said the talks went well."}}},
		{"boilerplate", long + "\n\nAdvertisement\n\n" + long + "\n\nAssociated Press writer Jane Doe in Kyiv contributed to this report.", [][2]string{{KindText, long}, {KindBoilerplate, "Advertisement"}, {KindText, long}, {KindBoilerplate, "Associated Press writer Jane Doe in Kyiv contributed to this report."}}},
		{"photo credit", long + "\n\nPope Leo XIV meets Zelenskyy. (AP Photo/Alessandra Tarantino)\n\n" + long, [][2]string{{KindText, long}, {KindBoilerplate, "Pope Leo XIV meets Zelenskyy. (AP Photo/Alessandra Tarantino)"}, {KindText, long}}},
		{"byline", "By JANE DOE\n\n" + long, [][2]string{{KindBoilerplate, "By JANE DOE"}, {KindText, long}}},
		{"sign up", long + "\n\nSign up for our newsletter", [][2]string{{KindText, long}, {KindBoilerplate, "Sign up for our newsletter"}}},
		{"turns", "Grad A: so we start\nProfessor B: with the budget\nGrad A: right.", [][2]string{
			{KindText, "Grad A: so we start"}, {KindText, "Professor B: with the budget"}, {KindText, "Grad A: right."}}},
		{"atx headings", long + "\n\n## usage notes ##\n" + long, [][2]string{{KindText, long}, {KindHeading, "usage notes"}, {KindText, long}}},
		{"atx title", "# Install\n\n" + long, [][2]string{{KindTitle, "Install"}, {KindText, long}}},
		{"not atx", "#hashtag " + long, [][2]string{{KindText, "#hashtag " + long}}},
		{"code fence", long + "\n\n```\n# not a heading\n\nrun --fast\n```\n\n" + long, [][2]string{
			{KindText, long}, {KindBoilerplate, "```\n# not a heading\n\nrun --fast\n```"}, {KindText, long}}},
		{"front matter", "---\ntitle: Tool\nversion: 1\n---\n\n" + long, [][2]string{
			{KindBoilerplate, "---\ntitle: Tool\nversion: 1\n---"}, {KindText, long}}},
		{"html comment", long + "\n<!-- pr-url: x -->\n" + long, [][2]string{{KindText, long}, {KindBoilerplate, "<!-- pr-url: x -->"}, {KindText, long}}},
		{"mail", "From: Ana\nSubject: Release moves\n\nHi all,\n\n" + long + "\n\nThanks,\nAna\n\n> On staging it failed.",
			[][2]string{{KindBoilerplate, "From: Ana"}, {KindTitle, "Release moves"}, {KindBoilerplate, "Hi all,"}, {KindText, long},
				{KindBoilerplate, "Thanks,"}, {KindBoilerplate, "Ana"}, {KindBoilerplate, "> On staging it failed."}}},
		{"ebook frame", "Title: A Book\n\nLanguage: English\n\n*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\n" + long +
			"\n\n*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***\n\nUpdated editions will replace the previous one.", [][2]string{
			{KindBoilerplate, "Title: A Book"}, {KindBoilerplate, "Language: English"},
			{KindBoilerplate, "*** START OF THE PROJECT GUTENBERG EBOOK A BOOK ***"}, {KindText, long},
			{KindBoilerplate, "*** END OF THE PROJECT GUTENBERG EBOOK A BOOK ***"},
			{KindBoilerplate, "Updated editions will replace the previous one."}}},
		{"back matter", long + "\n\nFigure 2: Accuracy by sentence length.\n\n12\n\nReferences\n\nJing, H. 2000. Sentence reduction.",
			[][2]string{{KindText, long}, {KindBoilerplate, "Figure 2: Accuracy by sentence length."}, {KindBoilerplate, "12"},
				{KindBoilerplate, "References"}, {KindBoilerplate, "Jing, H. 2000. Sentence reduction."}}},
		{"epigraph", "Ne te quaesiveris extra.\nMan is his own star; and the soul that can\nRender an honest and a perfect man,\n— Epilogue\n\n" + long + " " + long,
			[][2]string{{KindBoilerplate, "Ne te quaesiveris extra."}, {KindBoilerplate, "Man is his own star; and the soul that can"},
				{KindBoilerplate, "Render an honest and a perfect man,"}, {KindBoilerplate, "— Epilogue"}, {KindText, long + " " + long}}},
		{"unclosed fence", "```\ncode here\n\n" + long, [][2]string{{KindBoilerplate, "```\ncode here"}, {KindText, long}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, kinds(tt.text))
		})
	}
}

// datelineRE is the pattern dateline writes out.
var datelineRE = regexp.MustCompile(`^(?:` +
	`[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?(?: \([A-Za-z ]{2,24}\))? ?(?:—|–|--|- )` +
	`|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})? \([A-Za-z ]{2,24}\)` +
	`|\((?:AP|CNN|Reuters|AFP|UPI|Bloomberg|dpa|PA|BBC)\) ?(?:—|–|--|- )?` +
	`)\s*`)

var datelineSeeds = []string{
	"", "ROME (AP) — Ukrainian", "(CNN)Sofia", "KYIV, Ukraine — Russia", "LONDON, England (CNN) -- The", "ROME--text",
	"ROME-- text", "ROME - text", "AB- CD — x", "WASHINGTON (Reuters) - The", "NEW YORK, N.Y. —", "PARIS, France Today —",
	"(Reuters) -", "(AP)", "(AP) —\t\nx", "(BBC) - x", "GAZA CITY, Gaza Strip (AP) —", "Rome (AP) — x", "R (AP) —",
	"ROME (A) —", "ROME (Associated Press Television News) —", "ROME, Italy, Europe —", "ROME, A B C D —",
	"U.S. (AP) —", "O'HARE —", "ROME (AP)", "ROME (AP)x", "ROME, Italy (AP) x", "ROME  — x", "ROME —x", "ROME -x",
}

func TestDateline(t *testing.T) {
	for _, s := range datelineSeeds {
		checkDateline(t, s)
	}
}

// FuzzDateline spells its texts in the few pieces the pattern tells apart.
func FuzzDateline(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		pieces := []string{"A", "B", "a", ".", "'", "-", " ", ",", "(", ")", "—", "–", "\t", "AP", "CNN", "Reuters", "x", "\u2014"[:2], "\n"}
		var s []byte
		for _, c := range b {
			s = append(s, pieces[int(c)%len(pieces)]...)
		}
		checkDateline(t, string(s))
	})
}

func checkDateline(t *testing.T, s string) {
	t.Helper()
	want := 0
	if m := datelineRE.FindStringIndex(s); m != nil {
		want = m[1]
	}
	assert.Equal(t, want, dateline(s), "dateline(%q)", s)
}
