package summarize

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"keypoints/summarize/internal/wordset"
)

// The entities stage finds who and where a story is about: people (with their role, "Ukrainian President"),
// places and organizations, each with every mention merged across its forms ("Ukrainian President Volodymyr
// Zelenskyy", "Zelenskyy", "Zelenskyy's"). It reads capitalised runs and small built-in lists of titles,
// demonyms, places and organization words rather than a statistical entity model: prose's model costs about
// 80 ms per 1,000 words and labels "Trump" a place. It prefers precision: a capitalised word it cannot place in
// any list and that no longer name explains is left out.

// Entity kinds.
const (
	EntityPerson       = "person"
	EntityPlace        = "place"
	EntityOrganization = "organization"
)

// maxEntities bounds the list: past a few dozen, a reader is better served by the text itself.
const maxEntities = 30

// mention is one capitalised run, classified.
type mention struct {
	kind   string
	name   []token // the name's tokens, role excluded
	role   string
	sent   int
	proper bool // a full name (two or more words, or a title before it), not a lone surname
	speaks bool // a verb of speech, an age or a relative pronoun follows: "Jane Doe said", "Jane Doe, 54,"
}

// findEntities returns the entities of the document, most important first.
func findEntities(doc *Document) []Entity {
	var ms []mention
	for i := range doc.Sentences {
		ms = append(ms, sentenceMentions(doc, i)...)
	}
	// People are known by their full names first; a lone surname then joins the person it ends.
	type entry struct {
		e     Entity
		count int
		first int
	}
	var entries []*entry
	byKey := map[string]*entry{}
	surname := map[string]*entry{}
	add := func(m mention, key string) *entry {
		en := byKey[key]
		if en == nil {
			en = &entry{e: Entity{Text: nameText(doc, m.name), Kind: m.kind, Role: m.role, Mentions: []Span{}}, first: m.sent}
			byKey[key] = en
			entries = append(entries, en)
		}
		if en.e.Role == "" {
			en.e.Role = m.role
		}
		en.count++
		en.e.Mentions = append(en.e.Mentions, Span{Start: m.name[0].Start, End: m.name[len(m.name)-1].End})
		return en
	}
	// A full name met once, with no title and no verb of speech after it, may as well be a film or a caption:
	// it is kept only when the text mentions it again.
	confirmed := map[string]int{}
	for _, m := range ms {
		if m.kind == EntityPerson {
			confirmed[m.name[len(m.name)-1].Text]++
		}
	}
	for _, m := range ms {
		if m.kind == EntityPerson && m.proper && m.role == "" && !m.speaks && confirmed[m.name[len(m.name)-1].Text] < 2 {
			continue
		}
		if m.kind == EntityPerson && m.proper {
			en := add(m, m.kind+":"+strings.ToLower(nameText(doc, m.name)))
			for _, t := range m.name {
				if !isRoman(t.Text) && len(t.Text) > 2 {
					if _, taken := surname[t.Text]; !taken {
						surname[t.Text] = en
					}
				}
			}
		}
	}
	for _, m := range ms {
		switch {
		case m.kind == EntityPerson && m.proper:
			continue // added above
		case len(m.name) == 1 && surname[m.name[0].Text] != nil:
			en := surname[m.name[0].Text]
			en.count++
			en.e.Mentions = append(en.e.Mentions, Span{Start: m.name[0].Start, End: m.name[0].End})
			if m.role != "" && en.e.Role == "" {
				en.e.Role = m.role
			}
		case m.kind != "" && m.kind != EntityPerson:
			add(m, m.kind+":"+strings.ToLower(nameText(doc, m.name)))
		}
	}
	for _, en := range entries {
		slices.SortStableFunc(en.e.Mentions, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	}
	slices.SortStableFunc(entries, func(a, b *entry) int {
		if a.count != b.count {
			return cmp.Compare(b.count, a.count)
		}
		return cmp.Compare(a.first, b.first)
	})
	out := make([]Entity, 0, min(len(entries), maxEntities))
	for _, en := range entries[:min(len(entries), maxEntities)] {
		out = append(out, en.e)
	}
	return out
}

// sentenceMentions cuts the capitalised runs of sentence i into role and name, and classifies them.
func sentenceMentions(doc *Document, i int) []mention {
	toks := doc.Sentences[i].tokens
	var out []mention
	for k := 0; k < len(toks); {
		// A sentence's first word is capitalised anyway: it starts a name only when a capitalised word follows.
		if !isNameWord(toks[k].Text) || k == 0 && skipAtStart(toks[k].Text) && !(len(toks) > 1 && isNameWord(toks[1].Text)) {
			k++
			continue
		}
		j := k
		for j < len(toks) && (isNameWord(toks[j].Text) || nameJoiners.Has(toks[j].Text) && j+1 < len(toks) && isNameWord(toks[j+1].Text) && j > k) {
			j++
		}
		run := toks[k:j]
		next := ""
		if j < len(toks) {
			next = toks[j].Text
		}
		if m, ok := classifyRun(run, next, i); ok {
			m.speaks = speechVerbs.Has(strings.ToLower(next)) || next == "who" ||
				next == "," && j+1 < len(toks) && (isNumberToken(toks[j+1].Text) || toks[j+1].Text == "who")
			out = append(out, m)
		}
		k = j
	}
	return out
}

// classifyRun splits a run into its role ("Ukrainian President") and name, and decides what the name is.
func classifyRun(run []token, next string, sent int) (mention, bool) {
	for len(run) > 0 && stopwords.Has(strings.ToLower(run[0].Text)) {
		run = run[1:] // "The Associated Press"
	}
	r := 0
	for r < len(run) && (titles.Has(run[r].Text) || demonyms.Has(run[r].Text)) {
		r++
	}
	var role []string
	for _, t := range run[:r] {
		role = append(role, t.Text)
	}
	name := run[r:]
	for len(name) > 0 && nameJoiners.Has(name[len(name)-1].Text) {
		name = name[:len(name)-1]
	}
	if len(name) == 0 {
		if len(run) == 1 && places.Has(run[0].Text) {
			return mention{kind: EntityPlace, name: run, sent: sent}, true // "the U.S."
		}
		return mention{}, false
	}
	m := mention{name: name, sent: sent}
	hasTitle := false
	for _, t := range run[:r] {
		if titles.Has(t.Text) {
			hasTitle = true
		}
	}
	text := joinTokens(name)
	last := name[len(name)-1].Text
	switch {
	case hasTitle && !places.Has(text) && !isOrgName(name) && !notNames.Has(text):
		m.kind, m.role, m.proper = EntityPerson, strings.Join(role, " "), true
	case places.Has(text) || placeWords.Has(last) || len(name) == 1 && placeNouns.Has(next):
		m.kind = EntityPlace
	case orgNames.Has(text) || isAcronym(text) || orgNames.Has(last) || len(name) > 1 && isOrgName(name):
		m.kind = EntityOrganization
	case len(name) >= 2 && len(name) <= 4 && looksLikePersonName(name):
		m.kind, m.role, m.proper = EntityPerson, strings.Join(role, " "), true
	case len(name) == 1:
		// A lone capitalised word is kept only if it turns out to be a known person's surname.
		m.kind, m.role = EntityPerson, strings.Join(role, " ")
	default:
		return mention{}, false
	}
	return m, true
}

// looksLikePersonName reports whether every word of a run could be part of a personal name.
func looksLikePersonName(name []token) bool {
	for _, t := range name {
		w := t.Text
		if places.Has(w) || orgWords.Has(w) || calendarWords.Has(w) || stopwords.Has(strings.ToLower(w)) || isAcronym(w) && !isInitial(w) {
			return false
		}
	}
	return true
}

// skipAtStart reports sentence-initial words that are capitalised only because they open the sentence.
func skipAtStart(w string) bool {
	return stopwords.Has(strings.ToLower(w)) || commonOpeners.Has(w)
}

func isOrgName(name []token) bool {
	for _, t := range name {
		if orgWords.Has(t.Text) {
			return true
		}
	}
	return false
}

func isAcronym(w string) bool {
	if notAcronyms.Has(w) {
		return false
	}
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isInitial(w string) bool {
	return len(strings.TrimRight(w, ".")) == 1
}

func isRoman(w string) bool {
	return strings.Trim(w, "IVXLC") == "" && w != ""
}

// joinTokens joins token texts with spaces, dropping possessive endings.
func joinTokens(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.TrimSuffix(t.Text, "'s")
	}
	return strings.Join(parts, " ")
}

// nameText is a name as the input writes it, whitespace collapsed.
func nameText(doc *Document, name []token) string {
	return doc.pieceText(name)
}

// notNames are capitalised nouns that follow a title word without being a name ("General Election").
var notNames = wordset.Of("Election Elections Assembly Staff Council Office Court Service Medal Award Cup League")

// notAcronyms are capitalised abbreviations that name nothing.
var notAcronyms = wordset.Of("OK TV PM AM ID DJ MP3 PC CEO VIP RIP LOL OMG DIY GPS DNA AI")

// nameJoiners may stand inside a name between capitalised words ("Bank of England", "Ursula von der Leyen").
var nameJoiners = wordset.Of("of de von der van al bin du la le")

// commonOpeners are capitalised sentence openers that are not names.
var commonOpeners = wordset.Of("Several Many Some Most Other Others Both Each Every Neither Either Despite Although Because After Before While When Where Why How What Who Which Whose Yes No Not Only Even Still Yet Once Just Perhaps Maybe Instead Meanwhile Earlier Later Now Then Today Tonight Tomorrow Yesterday Last Next First Second Third Officials Police Authorities Residents Witnesses Critics Experts Analysts Researchers Scientists Doctors Lawyers Prosecutors Investigators Troops Soldiers Protesters Voters Leaders Ministers Sources Reports Footage Photos Pictures Video Images Data Figures")

// titles open a person's name and become their role.
var titles = wordset.Of(`Actress Actor Singer Star Chef Model Designer Author Writer Presenter Host Player Striker
Goalkeeper Midfielder Defender Boss Rapper Comedian Billionaire Businessman Businesswoman Officer Pilot Nurse
President Vice Prime Minister Chancellor Secretary Gov. Governor Sen. Senator Rep. Representative Pope King
Queen Prince Princess Duke Duchess Mayor General Gen. Lt. Col. Capt. Sgt. Adm. Admiral Judge Justice Dr. Dr Mr Mr. Mrs
Mrs. Ms Ms. Prof. Professor Chief Commissioner Ambassador Leader Speaker Sir Dame Lord Lady Bishop Cardinal Rev.
Reverend Coach Manager Captain Detective Officer Sheriff Attorney Director Chairman Chairwoman CEO Spokesman
Spokeswoman Deputy Foreign Defense Defence Interior Finance Health Home Supreme Commander Emperor Sheikh Crown
Archbishop Patriarch Ayatollah Premier Presidential Vice-President First Lady Gov Sen Rep Lt Col Capt Sgt
Ministers Presidents Leaders Spc. Spc Pfc. Pfc Cpl. Cpl Maj. Maj Private Corporal Sergeant Lieutenant Colonel Major`)

// demonyms qualify a role ("British Prime Minister", "U.S. President").
var demonyms = wordset.Of(`Ukrainian Russian British French German American U.S. US U.K. UK Italian Chinese Japanese Indian Israeli
Palestinian Iranian Iraqi Syrian Turkish Polish Spanish Canadian Australian Mexican Brazilian European Korean Egyptian
Saudi Afghan Pakistani Swedish Dutch Belgian Irish Scottish Welsh English Greek Hungarian Finnish Norwegian Danish
Swiss Austrian Czech Venezuelan Argentine Colombian Cuban Nigerian Kenyan Ethiopian Lebanese Jordanian Qatari Emirati
Taiwanese Vietnamese Thai Filipino Indonesian Malaysian Belarusian Georgian Armenian Azerbaijani Kazakh Serbian
Croatian Romanian Bulgarian Slovak Lithuanian Latvian Estonian Moldovan Portuguese Democratic Republican Conservative
Labour Liberal Former Acting Interim Then Late Outgoing Incoming State Federal National Regional Local Catholic
Army Navy Marine Marines Air Police`)

// placeWords end place names ("Donbas region", "Crimean Peninsula"); placeNouns follow a lone place name.
var (
	placeWords = wordset.Of("Peninsula Province County Oblast Island Islands Sea Ocean River Valley Mountains Gulf Strait District Region Republic Kingdom Bay Coast Desert Lake Canal Square Avenue Bridge Airport Park Heights Hills Township Village Town City Borough")
	placeNouns = wordset.Of("region province county city town village district state oblast island port area border capital")
)

// orgWords mark organization names; orgNames are organizations known by a bare name.
var (
	orgWords = wordset.Of(`Ministry Department Council Service Agency Party Union Bank Corp Corp. Corporation Inc Inc. Ltd Ltd. Co.
University College School Association Committee Commission Court Police Army Navy Forces Guard Press Times News Post
Journal Club FC Group Company Institute Foundation Organization Organisation Administration Parliament Congress Senate
Assembly Government Office Bureau Authority Board Network Airways Airlines Motors Energy Operator Fund Trust Society
Church Hospital Museum Federation League Alliance Coalition Command Cabinet Tribunal Reserve Exchange Studios Records
Laboratory Labs Systems Technologies Holdings Partners Capital Media Broadcasting Television Radio Herald Tribune Telegraph
Guardian Gazette Review Magazine Mail United Rovers Athletic Wanderers Albion Hotspur Rangers Celtic`)
	orgNames = nameSet(`Vatican Kremlin Pentagon Reuters BBC CNN NHS FBI CIA NATO EU UN WHO IMF Politico Google Apple Microsoft
Amazon Facebook Meta Twitter Instagram YouTube TikTok WhatsApp Tesla Hamas Hezbollah Taliban Interpol Europol OPEC
Holy_See Associated_Press White_House Downing_Street`)
)

// places lists countries, continents and large cities; a short list goes a long way in news.
var places = nameSet(`Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi Cambodia
Cameroon Canada Chad Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt
Eritrea Estonia Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana
Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia
Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan
Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela
Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales America Europe Asia Africa Antarctica Crimea Donbas
Gaza Kashmir Chechnya Tibet Siberia Balkans Caucasus Scandinavia North_Korea South_Korea Saudi_Arabia South_Africa Sri_Lanka New_Zealand Costa_Rica El_Salvador Sierra_Leone U.S. US U.K. UK USA United_States United_Kingdom Kyiv Kiev Moscow London Paris Berlin Rome Madrid Washington Beijing Tokyo Delhi Mumbai Jerusalem Tehran
Baghdad Damascus Cairo Istanbul Ankara Warsaw Vienna Prague Budapest Brussels Amsterdam Stockholm Oslo Helsinki
Copenhagen Dublin Edinburgh Lisbon Athens Geneva Zurich Munich Milan Naples Barcelona Minsk Kharkiv Odesa Odessa
Lviv Mariupol Bakhmut Kherson Zaporizhzhia Donetsk Luhansk Sevastopol Riyadh Dubai Doha Beirut Kabul Islamabad
Karachi Dhaka Bangkok Hanoi Manila Jakarta Seoul Pyongyang Shanghai Hong_Kong Singapore Sydney Melbourne Toronto
Montreal Vancouver Ottawa Chicago Boston Miami Houston Dallas Atlanta Seattle Denver Phoenix Detroit Philadelphia
Baltimore Brooklyn Manhattan Los_Angeles San_Francisco New_York New_Jersey Texas California Florida Ohio Michigan
Pennsylvania Virginia Maryland Arizona Nevada Utah Oregon Alaska Hawaii Iowa Kansas Kentucky Louisiana Maine
Massachusetts Minnesota Mississippi Missouri Montana Nebraska North_Carolina South_Carolina North_Dakota South_Dakota Oklahoma Tennessee Vermont Wisconsin
Wyoming Idaho Indiana Illinois Alabama Arkansas Colorado Connecticut Delaware Manchester Liverpool Birmingham Leeds
Glasgow Belfast Cardiff Bristol Oxford Cambridge Mexico_City Lagos Nairobi Johannesburg Cape_Town Sao_Paulo
Buenos_Aires Lima Bogota Caracas Havana Santiago`)
