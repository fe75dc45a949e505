package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repeatParagraphs repeats p, as separate paragraphs, until the text holds at least words words.
func repeatParagraphs(p string, words int) string {
	var b strings.Builder
	for n := 0; n < words; n += len(strings.Fields(p)) {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string
	}{
		{name: "news", want: TextNews, text: "The city council approved a new budget on Tuesday, officials said. " +
			"The mayor said the plan would fund two new schools. \"We kept our promise,\" she told reporters. " +
			"Critics said the budget relied on optimistic tax forecasts. The council will vote again in March, " +
			"a spokesman said, after a review of the figures by the state auditor."},
		{name: "chat", want: TextChat, text: "Person1: Hi, can I book a table for two tonight?\n" +
			"Person2: Of course. What time would you like?\nPerson1: Around eight, please.\n" +
			"Person2: Eight is fine. May I have your name?\nPerson1: It's Lee."},
		{name: "transcript", want: TextTranscript, text: strings.Repeat("Chair: Let us turn to the budget for the next quarter.\n"+
			"Member A: I think we should look again at the travel costs before we agree.\n"+
			"Member B: Um, I agree, but the figures came late and we have not read them yet.\n", 40)},
		{name: "email", want: TextEmail, text: "From: Ana Ruiz\nTo: Team\nSubject: Friday release\n\n" +
			"Hi all, the release moves to Friday because the last tests failed. Please finish your reviews by Thursday."},
		{name: "docs", want: TextDocs, text: "# Install\n\nRun the installer and follow the steps.\n\n## Usage\n\n" +
			"```\ntool --help\n```\n\nThe tool reads its settings from the home folder."},
		{name: "notes", want: TextNotes, text: "- buy milk and bread\n- call the plumber about the sink\n" +
			"- send the report to Sam\n- book flights for May\n- renew the car insurance"},
		{name: "report", want: TextReport, text: repeatParagraphs("In this paper we propose a method for sentence "+
			"reduction that removes extraneous phrases (Jing, 2000). The method uses multiple sources of knowledge, "+
			"as shown in earlier work [3]. Results are reported in Section 4 and compared with the baseline of Knight "+
			"and Marcu et al.", 700)},
		{name: "story", want: TextStory, text: repeatParagraphs("\"Where are you going?\" she asked. He looked at "+
			"the door and said nothing. \"I told you,\" he said at last, \"I have to find my brother.\" She took his "+
			"hand and he let her lead him down the stairs.", 1100)},
		{name: "reviews", want: TextReviews, text: "I bought this kettle for my office and I love it. It boils fast and " +
			"I never had a leak.\n\nMy old kettle broke after a year. This one has lasted me two years so far and I " +
			"would buy it again.\n\nI was not sure about the colour, but my family likes it and I use it every day.\n\n" +
			"I returned mine because the lid was hard to open. My hands are weak and I needed something easier."},
		{name: "reference", want: TextReference, text: repeatParagraphs("The bridge was built between 1883 and 1890 "+
			"by the railway company. It was the longest span in the world when it opened, and it had two main towers. "+
			"Engineers were sent from several countries to study it, and it was painted red in 1901.", 700)},
		{name: "short plain", want: TextGeneral, text: "The weather was fine and the park was full of people enjoying the sun."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, detectKind(doc))
		})
	}
}

func TestOptionsKind(t *testing.T) {
	text := readTestdata(t, "ap-ukraine-territory.txt")
	s, err := Text(text, Options{})
	require.NoError(t, err)
	assert.Equal(t, TextNews, s.Kind)
	for _, kind := range textKinds {
		s, err := Text(text, Options{Kind: kind, SkipFacts: true})
		require.NoError(t, err, kind)
		assert.Equal(t, kind, s.Kind)
		assert.NotEmpty(t, s.KeyPoints, kind)
	}
	_, err = Text(text, Options{Kind: "poem"})
	assert.ErrorIs(t, err, ErrInvalidOptions)
}

func TestIsSpeakerTurn(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Person1: Hello there.", true},
		{"PhD D: huh?", true},
		{"#Person2#: Yes.", true},
		{"Professor B: OK, so uh we should start.", true},
		{"Note: the meeting moved.", true}, // a label reads like a speaker; one line alone is no transcript
		{"The reason is simple: money.", false},
		{"http://example.com: a link", false},
		{"a lower-case opener: no", false},
		{"Very Long Name With Many Words Here: no", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, isSpeakerTurn(tt.line), tt.line)
	}
}
