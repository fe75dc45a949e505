package summarize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const (
	englishNews = "Ukrainian President Volodymyr Zelenskyy has reaffirmed his strong refusal to cede any territory, resisting pressure for painful concessions to Russia as he moved ahead Tuesday to rally more European support."
	germanNews  = "Der ukrainische Präsident hat seine Weigerung bekräftigt, Gebiete abzutreten, während die Vereinigten Staaten auf schmerzhafte Zugeständnisse an Russland drängen und er in Europa um mehr Unterstützung für sein Land wirbt."
)

func TestIsEnglish(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"news", "Ukrainian President Volodymyr Zelenskyy has reaffirmed his strong refusal to cede any territory, resisting pressure for painful concessions to Russia as he moved ahead Tuesday to rally more European support.", true},
		{"one word", "Hello", true},
		{"list of names", "Keir Starmer, Emmanuel Macron, Friedrich Merz, Giorgia Meloni, Donald Trump, Vladimir Putin, Volodymyr Zelenskyy, Pope Leo, Oleg Nikolayev, Ursula von der Leyen, Mark Rutte, Antonio Costa, Kaja Kallas, Viktor Orban, Pedro Sanchez, Donald Tusk, Olaf Scholz, Robert Fico, Petr Pavel, Alexander Stubb", true},
		{"french", "Le président ukrainien a réaffirmé son refus de céder des territoires, alors que les États-Unis font pression pour des concessions douloureuses à la Russie et qu'il cherche le soutien des Européens dans cette guerre.", false},
		{"spanish", "El presidente ucraniano reafirmó su rechazo a ceder territorios, mientras Estados Unidos presiona para que haga concesiones dolorosas a Rusia y él busca más apoyo de los países europeos para su país en la guerra.", false},
		{"german", "Der ukrainische Präsident hat seine Weigerung bekräftigt, Gebiete abzutreten, während die Vereinigten Staaten auf schmerzhafte Zugeständnisse an Russland drängen und er in Europa um mehr Unterstützung für sein Land wirbt.", false},
		{"russian", "Президент Украины Владимир Зеленский вновь заявил о своем твердом отказе уступать какие-либо территории, сопротивляясь давлению США.", false},
		{"chinese", "乌克兰总统泽连斯基重申坚决拒绝割让任何领土，抵制美国要求向俄罗斯做出痛苦让步的压力，并于周二继续争取更多欧洲支持。", false},
		{"all caps english", "BREAKING: THE GOVERNMENT HAS ANNOUNCED THAT ALL SCHOOLS WILL BE CLOSED ON MONDAY BECAUSE OF THE STORM, AND PARENTS ARE ASKED TO KEEP THEIR CHILDREN AT HOME UNTIL FURTHER NOTICE.", true},
		{"emoji", "🎉🎉🎉 great news 🎉🎉🎉", true},
		// A long English opening decides, whatever follows; a long German one is read on to the end.
		{"english, then german", strings.Repeat(englishNews+" ", 12) + strings.Repeat(germanNews+" ", 60), true},
		{"german, then english", strings.Repeat(germanNews+" ", 60) + strings.Repeat(englishNews+" ", 12), false},
		{"german, english past the words read", strings.Repeat(germanNews+" ", 200) + strings.Repeat(englishNews+" ", 200), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, isEnglish(tt.text))
		})
	}
}
