"""The language newsweave reads by: every word list a stage uses, named once, one set per concept.

Each set says what it is for and where it comes from. Stages import from here (a leaf module,
like `models`); a list that only one regular expression uses stays beside that expression.
All are English and lower case unless said otherwise; names are compared through
`extract.entities.name_key`.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


# --- People: honorifics, gendered words, titles and roles, first-name variants --------------------

# Honorifics before a name ("Mr Liu", "Dr. Fauci"), dropped when names are compared.
HONORIFICS = words("mr mrs ms miss dr prof sir dame mx")
# Degrees and honours written after a name ("Jeffery Ian Ross Ph.D.", "Ian Blair OBE"), dots
# dropped: not part of the name.
POSTNOMINALS = words("phd md dds esq obe mbe cbe kbe frs qc kc")
# Generation suffixes ("Donald Trump Jr."): part of the name, and another person's than the name
# without them.
GENERATION_SUFFIXES = words("jr sr ii iii iv")
# Words that give a person's gender where the text states it: honorifics and titles before a
# name, role nouns beside it ("Kalashnikov's daughter, Elena"), nouns of an unnamed speaker.
# Not "spokesman", "chairman": news uses them for women too.
MALE_WORDS = words(
    "mr sir lord king prince duke father son brother husband uncle grandfather nephew man boy "
    "gentleman widower emperor monk guy dad grandson stepson stepfather"
)
FEMALE_WORDS = words(
    "mrs ms miss madam dame lady queen princess duchess mother daughter sister wife aunt "
    "grandmother niece woman girl spokeswoman chairwoman congresswoman businesswoman councilwoman "
    "policewoman actress widow empress nun mum mom granddaughter stepdaughter stepmother"
)


def word_gender(word: str) -> str | None:
    """ "m" or "f" for a word of `MALE_WORDS` or `FEMALE_WORDS` (lower-cased), else None."""
    return "m" if word in MALE_WORDS else "f" if word in FEMALE_WORDS else None


# Capitalised labels of a page's players and links that run into the name after them ("CLOSE Kevin
# Spacey was accused ...", a video caption; "WATCH Donald Trump ...").
PAGE_LABELS = words(
    "close watch video photo photos read more update updated breaking exclusive live listen share "
    "advertisement gallery play replay"
)
# Participles that give a person a name after a noun ("a girl named Isabel", "a man called Roe").
NAMING_PARTICIPLES = words("named called")
# Title words that may open a person's name span ("President Donald Trump", "Rep. Adam Schiff").
TITLE_WORDS = (
    words(
        "president vice premier vice-premier prime minister secretary senator sen rep representative "
        "gov governor mayor chancellor king queen prince princess pope judge justice general gen lt "
        "col capt chairman chairwoman chair ceo spokesman spokeswoman spokesperson deputy leader "
        "commissioner ambassador director chief speaker detective det constable dc pc sergeant sgt "
        "inspector superintendent supt lieutenant colonel captain corporal cpl sheriff commander "
        "admiral"
    )
    | HONORIFICS
)
# Nouns that make an appositive a person's role ("Eswar Prasad, a professor of ...").
PERSON_ROLE_NOUNS = words(
    "professor spokesman spokeswoman spokesperson secretary chair chairman chairwoman director "
    "analyst economist minister president official adviser advisor lawyer attorney senator "
    "democrat republican founder executive ceo head leader member researcher fellow expert author "
    "editor reporter governor mayor ambassador premier partner strategist"
)
# Nouns that describe an unnamed person as the subject of a sentence ("A British journalist
# interviewed Roe", "a former bartender met him"): with "a"/"an" someone new, whom a "he" after
# may stand for (quotes.referents); with "the", as a role noun, the one given that role.
PERSON_NOUNS = words(
    "journalist bartender waiter waitress assistant artist clerk worker employee student teacher "
    "officer nurse doctor driver resident witness victim neighbor neighbour friend colleague "
    "accuser survivor passenger customer patient soldier volunteer intern usher guard"
)
# What a person is known for, the nouns news style puts for the person just named ("Jon Bernthal
# says ... The actor told SiriusXM"), as "he" would be; a word of `MALE_WORDS` or `FEMALE_WORDS`
# ("the actress") must agree with that person's gender.
EPITHET_NOUNS = words(
    "actor actress singer star comedian comic rapper musician songwriter filmmaker director "
    "producer novelist writer author chef model athlete player golfer quarterback coach "
    "billionaire entrepreneur mogul tycoon host presenter anchor broadcaster celebrity"
)
# First names that are one person's ("Steve" / "Steven Mnuchin"): common English short forms.
NICKNAMES = (
    words("steve steven stephen"),
    words("bill william will"),
    words("bob robert rob"),
    words("jim james jimmy"),
    words("mike michael"),
    words("dick richard rick"),
    words("tom thomas"),
    words("joe joseph"),
    words("tony anthony"),
    words("alex alexander alexandra"),
    words("dan daniel"),
    words("chris christopher"),
    words("kate katherine catherine kathy"),
    words("liz elizabeth"),
    words("nick nicholas"),
    words("andy andrew"),
    words("ben benjamin"),
    words("sam samuel"),
)

# Nouns of kin and household a person has and a place or a body does not: "Paris's father",
# "Holt's wife" make the name a person's (extract.typing).
KIN_NOUNS = words(
    "father mother son daughter brother sister husband wife parents parent children child uncle "
    "aunt grandfather grandmother nephew niece cousin fiance fiancee girlfriend boyfriend widow "
    "widower stepfather stepmother mom mum dad grandson granddaughter stepson stepdaughter"
)

# --- Pronouns -------------------------------------------------------------------------------------

# Third-person pronouns by gender: a he/she resolves to a person of that gender where the text
# gives one (quotes.referents).
MALE_PRONOUNS = words("he him his himself")
FEMALE_PRONOUNS = words("she her hers herself")
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
# Reflexives: the subject of their own clause ("Roe turned himself in").
REFLEXIVE_PRONOUNS = words("himself herself")
# Subject pronouns that may head a speech cue ("he said"); the first-person ones are the
# writer's or a quoted speaker's.
PRONOUNS = words("he she they it we i")
# Pronouns for a group: never resolved to one named person.
PLURAL_PRONOUNS = words("they we")
# Plural nouns for people who speak as a group ("Detectives ... They said"): what an unresolved
# "they" may be described by (with the role nouns of PERSON_ROLE_NOUNS).
SPEAKING_GROUPS = words(
    "police detective officer investigator prosecutor authority researcher scientist expert "
    "lawyer source witness resident protester organizer organiser doctor agent activist critic "
    "official"
)
# Prepositions of a frame that gives whose view a sentence is ("For Roe, Warhol was a legend",
# "To Roe, it was a betrayal"): that person, not the grammatical subject, goes on as "he".
VIEWPOINT_PREPOSITIONS = words("for to")
# Prepositions of a verb's object that is never the verb's own subject ("Roe called on him",
# "Roe spoke to him": him is not Roe, who would be "himself"); not those of place or company
# ("Roe took the book with him", "Roe saw a snake near him").
BOUND_PREPOSITIONS = words("to on about at against of from upon")
# Relative pronouns that stand for the noun before them ("the minister, who said ...").
RELATIVES = words("who which that")
# Subjects of a cue that say nothing of who spoke (an object pronoun is the hearer the parser
# took for the subject).
VAGUE_SPEAKERS = words(
    "you someone somebody anyone anybody everyone everybody one this that these those who which "
    "nobody him her them me us"
)

# --- Speech: the verbs and nouns that attribute words to a speaker --------------------------------

# Speech and writing verbs (lemmas): their subjects are speakers, so named people.
SPEECH_LEMMAS = words(
    "say tell tweet write add warn state announce pledge claim note insist argue explain ask "
    "reply respond declare suggest predict confirm deny acknowledge urge vow promise threaten "
    "post recall remark comment continue conclude complain admit assert emphasize stress describe "
    "call testify report quip joke boast demand shout yell scream cry exclaim whisper mutter "
    "plead beg chant sing recount retort lament muse wonder observe caution advise proclaim "
    "counter concede charge allege contend maintain"
)
# Beyond the speech verbs entities know: what a sign, statement or ad "reads", and the manner
# verbs news uses for a quoted outburst ("Trump barked"); not "question" ("questioning the vote").
CUE_LEMMAS = SPEECH_LEMMAS | words("read bark boom lecture affirm assure snap interject")
# Cue words that may come before the name ("Said Ellis: ..."), which the model folds into it.
INVERTED_CUES = words("said says added asked wrote tweeted replied explained")
# Cues whose object is the hearer: "told Reuters", "asked the senator".
ADDRESSEE_CUES = words("tell ask inform remind assure")
# Verbs whose object is the means, not the speaker, of an infinitive after it ("used the rates to
# argue", "cited a poll to claim"); other verbs' objects speak ("prompting the company to say").
MEANS_VERBS = words("use cite employ invoke quote take")
# What an organisation issues and the text makes speak: "a police statement said".
STATEMENT_NOUNS = words("statement release report filing notice memo bulletin")
# Verbs whose object carries words that someone shows, acts out or writes ("held a sign that
# read", "played the host, who chastised", "wrote an article that said"): the subject of the
# verb is the speaker.
HOLDER_VERBS = words(
    "hold carry wear display raise wave play portray write pen publish post issue release sign"
)
# What speaks for its author ("the statement said", "according to its website", "Westlaw data",
# "the memoir says"): the author is the one who issued or wrote it, not nobody.
DOCUMENT_NOUNS = STATEMENT_NOUNS | words(
    "website site data datum record analysis study survey document letter email memoir "
    "autobiography diary audit"
)
# Verbs by which a thing, not a person, bears something out ("the fact ... showed she was aware"),
# and the things that do so without an author: inside someone's report ("Khalid said the fact
# ... showed", "observations suggest ..., Haskel said") the reporter speaks, not the thing.
EVIDENCE_VERBS = words("show suggest indicate prove demonstrate mean")
EVIDENCE_NOUNS = words(
    "fact evidence observation finding sign result test footage video image photo picture "
    "autopsy experiment"
)
# Participles that hang a document on its author with "to" ("a statement attributed to the
# committee", "remarks credited to the minister").
ATTRIBUTING_VERBS = words("attribute credit ascribe")
# Verbs by which an author issues a document ("issued a statement", "filed papers").
ISSUING_VERBS = words("issue release publish file send post put distribute circulate")
# Words that send a noun back to one named before ("the statement", "a second statement").
ANAPHORIC_DETERMINERS = words("the this that these those")
FURTHER_WORDS = words("second third another other further new later latest separate earlier")
# Nouns for what someone said, as a list or a colon introduces it ("favorite Sementilli quotes:",
# "His favorite quote was his own:"): their possessor or name modifier is the speaker.
SAYING_NOUNS = words("quote quotation saying remark word thought tweet line message motto")
# Verbs that report speech, writing, belief or findings, taking a clause ("said that ...").
CLAUSE_CUES = words(
    "say tell add write tweet post state announce claim argue insist note explain warn suggest "
    "report reveal confirm deny acknowledge admit concede assert contend maintain allege charge "
    "accuse predict estimate conclude find show indicate believe think feel know expect hope fear "
    "worry doubt agree recall remind declare stress emphasize point observe testify promise vow "
    "pledge threaten boast complain joke respond reply answer ask wonder question signal hint "
    "imply speculate guess assume suspect understand learn hear read see realize recognize decide "
    "mean caution counter"
)
# Infinitive cues that report what someone would not do ("declined to comment"): the brief
# shows the cue, not "(reported)".
REFUSAL_CUES = words("decline refuse")
# Verbs of finding and perceiving: with an object and a participle or bare verb ("found him
# collapsed", "heard him saying", "saw her leave") they tell what was seen, not said.
PERCEPTION_VERBS = words("find see hear watch notice observe")
# Verbs of wanting among them: in a relative clause ("militants who want to oust him") they tell
# who someone is, not what anyone said.
DESIRE_VERBS = words("want wish intend plan")
# Verbs that report an intention or a demand with an infinitive ("vowed to fight").
INFINITIVE_CUES = words(
    "promise vow pledge threaten urge ask call want plan refuse agree decline offer demand order "
    "tell encourage invite intend"
)
# Verbs that judge someone for something said or done, the object and its "for"/"of"/"with"
# phrase being what is claimed ("praised the council for acting", "accused her of lying").
JUDGING_CUES = words(
    "praise blame credit accuse thank rap criticize criticise fault commend applaud condemn laud "
    "hail slam compliment congratulate salute blast chide scold rebuke berate castigate"
)
JUDGING_PREPOSITIONS = words("for of with")
# Verbs that voice a stance whose content is the noun's clause ("expressed fears he was
# responsible", "voiced hope that the talks would resume").
VOICING_VERBS = words("express voice")
STANCE_NOUNS = words(
    "fear hope concern doubt belief confidence optimism worry view opinion regret frustration "
    "skepticism scepticism"
)
# Nouns whose "that" clause is what someone said ("her claim that she was fired", "a media
# report that talks had begun"): the possessor, else the noun's own phrase, is the speaker.
CONTENT_NOUNS = words(
    "report claim argument assertion allegation suggestion contention insistence denial warning "
    "statement announcement admission acknowledgment acknowledgement prediction accusation"
)
# Verbs whose subject makes the statement a content noun names ("persisted in arguments that",
# "repeated claims that"); "rejected claims that" is someone else's.
MAKING_VERBS = words("make repeat renew reiterate issue voice offer persist press level raise")
# Prepositions that give a content noun's author ("a report in the Ledger", "a claim by Roe").
NOUN_SOURCES = words("in by from")
# Nouns for a work with a title, before its title in quote marks ("the film “Downsizing”",
# "his memoir, “Spilling the Beans”"): the quoted words name it, nobody says them.
WORK_NOUNS = words(
    "book memoir novel biography autobiography film movie documentary show series programme "
    "program episode song album single play musical opera poem essay column podcast sketch title"
)
# Words a title leaves in lower case ("A Secret History of the IRA", "Forgetting to Be Afraid").
TITLE_MINOR_WORDS = words("a an the and or but nor of to in on at by for with from as be vs")
# Subordinators of an indirect question ("see if", "decide whether"): with a verb that is not
# one of speech, no statement is reported.
QUESTION_MARKS = words("if whether")
# Subordinators of a condition: the speech act in the clause has not happened.
CONDITIONS = words("if unless")
# Prepositions of a time adjunct whose gerund is a circumstance, not a statement.
TIME_PREPOSITIONS = words("after before upon since following")

# --- Organisations --------------------------------------------------------------------------------

# Words that make a capitalised name an organisation's ("Commerce Department", "Reuters").
ORG_WORDS = words(
    "corp corporation inc ltd llc llp plc co company group bank department ministry office agency "
    "university college institute center centre council committee commission house party "
    "association union court administration government board foundation fund bureau service news "
    "times post press reuters network studies school senate congress"
)
# Well-known organisations the small English model often tags as people.
KNOWN_ORGS = words(
    "twitter facebook google qualcomm intel apple microsoft amazon huawei zte instagram youtube "
    "tiktok samsung nvidia meta weibo"
)
# Words before an organisation's name that are not part of it ("U.S. Commerce Department",
# "China's ZTE"), dropped when names are compared.
ORG_PREFIXES = words("us u s american china's chinese china british uk eu the")
# Legal and corporate suffixes ("ZTE Corp.", "Apple Inc."), dropped when names are compared.
ORG_SUFFIXES = words("corp corporation inc co ltd plc llc group holdings")
# People who speak for a body: "officials from the party", "a spokesman for the ministry".
AGENT_NOUNS = words(
    "official representative spokesman spokeswoman spokesperson executive leader member aide staff"
)
AGENT_PREPOSITIONS = words("from of for at")
# Verbs that tie a person to the firm they work for ("works for Acme", "joined Acme"): that
# firm is a company, whatever type the model gave its name.
EMPLOYMENT_VERBS = words("work serve join found lead run head")
# "The company said ..." -> the company named last (not a ministry or a court); "the oil giant",
# "the chipmaker", "the automaker": news style's names for the company just named.
COMPANY_NOUNS = words(
    "company firm carrier maker manufacturer retailer insurer lender giant conglomerate "
    "automaker carmaker chipmaker drugmaker airline"
)
# Words of a name that is no company's (public bodies, forces, institutions, associations):
# "the company said" never resolves to "U.S. Postal Service" or "Chicago Police".
PUBLIC_BODIES = words(
    "department ministry commission court congress senate house government administration agency "
    "council committee office service police army navy military university college school "
    "hospital church party union association foundation institute bureau authority embassy "
    "federation league organization organisation society nations prosecutors"
)

# Verbs of a match: a country that is the subject or object of one beside a score ("Sweden
# defeated South Korea 1-0") is its team, an organisation (extract.typing).
CONTEST_VERBS = words(
    "beat defeat face play lose win draw tie edge thrash rout overcome eliminate meet host top"
)

# --- News outlets ---------------------------------------------------------------------------------

# "The paper called it ..." -> the last news organisation named before it.
MEDIA_NOUNS = words(
    "paper newspaper daily outlet network broadcaster magazine agency station channel"
)
# Words of a news organisation's name ("Wall Street Journal", "Daily Mail"): what "the paper" is.
MEDIA_NAME_WORDS = words(
    "journal times post news herald tribune gazette telegraph guardian reuters ap bloomberg cnn "
    "bbc press daily mail"
)
# News agencies and outlets under their names and web addresses: `newsweave.outlets.OUTLETS`.

# --- Places ---------------------------------------------------------------------------------------

# Nouns of settlements and divisions: a name beside one is a place ("Suka Makmur village", "the
# town of Bireun", "the provincial capital Banda Aceh").
PLACE_NOUNS = words(
    "village town city capital district province county region island regency municipality "
    "neighborhood neighbourhood suburb hamlet subdistrict"
)
# A police or fire service's name before one of these is a building, a place ("Antrim Police
# station"), not the force.
SERVICE_WORDS = words("police fire")
FACILITY_NOUNS = words("station headquarters")
# Police forces known by initials other than "...PD" (which `quotes.context` reads as a force).
POLICE_INITIALS = words("psni rcmp ruc opp")
# Countries and unions under their short and long names (keys as `name_key` makes them).
PLACE_ALIASES = {
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "eu": "European Union",
    "european union": "European Union",
    "prc": "China",
    "mainland china": "China",
    "uae": "United Arab Emirates",
}

# --- Measures and times that are never names ------------------------------------------------------

# Words that make a span the model tags a measure or a time, never a name ("0737 GMT",
# "UTC (3:37 a.m. EDT)", "magnitude-6.1").
# Lower-case words inside names ("Carla del Ponte", "Osama bin Laden", "Ludwig van Beethoven").
NAME_PARTICLES = words("de del della di da van von der den la le du al el bin ibn ben dos das y")
NOT_NAME_WORDS = words("gmt utc edt est pdt pst cdt cst bst cet wib magnitude a.m p.m")
# Words that say a person is not named, opening what the model took for a name in a list's
# heading ("Anonymous British journalist:"); "Anonymous" alone may be the hackers' group.
UNNAMED_WORDS = words("anonymous unnamed unidentified")

# --- Languages other than English -----------------------------------------------------------------

# The commonest function words of each language newsweave can name (`caveats.language`: the
# language whose words make the largest share of a text's words), in that language, lower case;
# English too, as the share the others are weighed against. Chosen from each language's most
# frequent words, leaving out those it shares with English ("a", "in").
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "English": words(
        "the and of to is was that with for on are by this from have has were which it "
        "said would will been they their be at not but"
    ),
    "German": words(
        "der die und das ist nicht ein eine mit auf sich den dem des von zu auch im wurde "
        "sind für werden nach wie aus bei sagte er sie es wir"
    ),
    "French": words(
        "le la les des et est une du que qui dans pour pas sur au par avec ce il sont ont "
        "été aux cette nous déclaré selon"
    ),
    "Spanish": words(
        "el la los las de que y en del por con una para es se su al lo como más pero fue "
        "según dijo ha"
    ),
    "Italian": words(
        "il di che è la per un una del della non sono con gli le nel alla anche dei ha "
        "come più detto"
    ),
    "Portuguese": words(
        "o os de que e do da dos das em um uma para com não no na por mais foi ao pelo são disse"
    ),
    "Dutch": words(
        "de het een van en is niet dat op zijn met voor ook aan er maar om bij werd naar wordt zei"
    ),
}

# --- Places in a street ---------------------------------------------------------------------------

# Street words after a house number or an ordinal ("200 W. American Blvd.", "117th Street", "the
# 1500 block of Main St."): the number names a place, not a quantity.
STREET_WORDS = words("street st avenue ave road rd boulevard blvd lane drive way block")

# --- Sentences ------------------------------------------------------------------------------------

# Short forms whose full stop ends no sentence ("Dr. Ruiz", "St. Louis", "on Jan. 5", "Acme Inc.
# said"): honorifics, titles, street and company words, months (report.lede).
# Those written before a name, after which no sentence starts ("Troy police Lt. Gerry Scherlinck
# said": extract.nlp's sentence starts).
NAME_ABBREVIATIONS = HONORIFICS | words(
    "st mt gov sen rep gen lt col sgt capt rev det insp supt cmdr adm maj cpl pvt atty"
)
ABBREVIATIONS = NAME_ABBREVIATIONS | words(
    "jr sr inc co corp ltd no vs jan feb mar apr jun jul aug sep sept oct nov dec"
)

# --- Figures --------------------------------------------------------------------------------------

# Words for one counted thing, in their singular, mapped to one form so that two outlets' counts
# of it meet ("two grandkids" / "two grandchildren", "300 homes" / "300 houses"): informal or
# interchangeable nouns of the things news counts (extract.numbers).
COUNTED_SYNONYMS = {
    "kid": "child",
    "grandkid": "grandchild",
    "home": "house",
}
# People counted as a part of a toll ("killed six children", "a girl was among the dead"): such a
# count is one detail of the story's toll, not the toll itself, unless the source gives no other
# (align.figures).
TOLL_SUBGROUPS = words("child kid baby infant girl boy teenager student schoolchild pupil")
# Verbs and nouns that tell of one event in other words, mapped to one form, so that two outlets'
# figures of one event meet ("an 8.6-magnitude quake struck" / "an 8.7-magnitude earthquake
# hit"): what a figure's frame (its verb, its subject) and a date's governing verb compare by
# (extract.frames.figure_frame, align.conflicts).
EVENT_SYNONYMS = {
    "hit": "strike",
    "jolt": "strike",
    "quake": "earthquake",
    "temblor": "earthquake",
    "tremor": "earthquake",
}
# Nouns naming a team's or a coach's win-loss record ("a 43-39 record", "a mark of 162-139"):
# the two numbers of such a record are its wins and its losses (extract.figures.records).
RECORD_NOUNS = words("record mark")

# --- Closed categories: values of which one thing has one (align.slots) ---------------------------

# Colours of a thing ("a silver Toyota Camry" / "a grey Toyota Camry"), spellings mapped to one form.
# Lower case only: "White House", "Red Cross", "Black Friday" are names.
COLOURS = {
    **{w: w for w in words("white black red blue green yellow orange brown purple pink silver")},
    **{w: w for w in words("gold beige tan maroon burgundy turquoise")},
    "grey": "grey",
    "gray": "grey",
}
# Nouns a colour names a kind or a rank of, not a look ("a gold medal" / "a silver medal" are two
# athletes', "a red card", "a green light", "the black box"): no colour conflict.
COLOUR_KIND_HEADS = words(
    "medal card light line flag belt paper list box carpet collar market hat house book"
)
# Kinds of ship a named vessel is called ("Patrol vessel INS Sukanya" / "frigate INS Sukanya"): one
# ship is one of these. Generic words ("ship", "vessel", "warship", "boat") name none of them.
VESSEL_TYPES = {
    "frigate": "frigate",
    "destroyer": "destroyer",
    "corvette": "corvette",
    "cruiser": "cruiser",
    "submarine": "submarine",
    "aircraft carrier": "aircraft carrier",
    "minesweeper": "minesweeper",
    "patrol vessel": "patrol vessel",
    "patrol boat": "patrol vessel",
    "patrol ship": "patrol vessel",
    "tanker": "tanker",
    "oil tanker": "tanker",
    "cargo ship": "cargo ship",
    "freighter": "cargo ship",
    "container ship": "container ship",
    "trawler": "trawler",
    "fishing boat": "fishing vessel",
    "fishing vessel": "fishing vessel",
    "ferry": "ferry",
    "yacht": "yacht",
    "tugboat": "tugboat",
    "cutter": "cutter",
}
# Where an event happened, on land or at sea ("the quake struck inland" / "struck off Aceh"): words
# that modify the event's verb, and the preposition that puts it off a coast.
SETTINGS = {"inland": "on land", "onshore": "on land", "offshore": "at sea", "undersea": "at sea"}
OFFSHORE_PREPOSITIONS = words("off")
# How well a thing was done or made ready, said by an adverb of its participle ("was well
# equipped" / "was insufficiently equipped", "ill-equipped"): one thing is one or the other. "Not"
# before an adverb of the first set turns it ("not properly equipped").
ADEQUATE_MANNERS = words("well adequately sufficiently properly suitably amply")
INADEQUATE_MANNERS = words("ill poorly badly insufficiently inadequately improperly")
# What was done to a number of people, by the verb taking them as its object ("apprehending 26
# pirates" / "rescued 26 crewmembers"): held or freed, one group is not both. Not "release" (those
# arrested are often released later) nor "evacuate".
FATE_VERBS = {
    **dict.fromkeys(words("arrest capture apprehend detain nab"), "held"),
    **dict.fromkeys(words("rescue save free"), "freed"),
}
# Kinds of weapon, one form each: an attacker who "brought a rifle" did not bring a shotgun
# (align.slots). A bare "gun" or "weapon" is no kind: it holds them all.
WEAPON_KINDS = {
    **dict.fromkeys(words("rifle carbine"), "rifle"),
    **dict.fromkeys(words("handgun pistol revolver"), "handgun"),
    **dict.fromkeys(words("knife dagger"), "knife"),
    **{w: w for w in words("shotgun machete sword axe hatchet crossbow")},
}
# Verbs that take a weapon as their object when it is carried ("brought a rifle into the building").
CARRYING_VERBS = words("bring carry wield brandish hold pull draw use fire aim point")
# Who does a story's act of violence, unnamed ("the shooter", "a gunman"); with a named person or
# "he"/"she" these hold a weapon of the act: police "armed with rifles" are none of them.
ATTACKER_NOUNS = words(
    "gunman gunmen shooter attacker assailant suspect killer robber man woman teen teenager"
)
# Where one person died, as said right after "died" or "pronounced dead" (align.deaths): the
# values one death cannot have two of ("died at the scene" / "died on the way to the hospital").
DEATH_PLACES = {
    "scene": r"at\s+the\s+scene|on\s+the\s+scene",
    "on the way to hospital": r"(?:on\s+the\s+way|en\s+route)\s+to\s+(?:the\s+|a\s+)?hospital",
    "in hospital": r"(?:at|in)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}hospital",
    "at home": r"at\s+(?:his\s+|her\s+)?home",
}
# Verbs that bring a named thing into being in a year ("founded the clinic in 1990"), which it
# cannot have existed before (align.founding).
FOUNDING_VERBS = words("found establish create launch open start build form")
# Ranks of one ladder: a person holds one of them at a time ("former partner" / "former
# associate"), unlike titles that can both be true ("spokesman" / "deputy press secretary").
RANK_LADDERS = (
    words("analyst associate principal partner"),
    words("private corporal sergeant lieutenant captain major colonel brigadier general"),
    words("ensign commodore admiral"),
)
# Ranks as abbreviated before a name ("Sgt.", "Lt. Col."), dots dropped.
RANK_FORMS = {
    "pvt": "private",
    "cpl": "corporal",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "capt": "captain",
    "maj": "major",
    "col": "colonel",
    "gen": "general",
    "adm": "admiral",
}
# Words before "partner" or "associate" that make it a relation to someone, not a rank in a firm
# ("a former business partner", "his life partner").
RELATION_WORDS = words(
    "business life domestic romantic dance tennis sparring trading longtime close"
)
# Nouns of a person: a colour before one describes the person, not a thing's look (align.slots).
PEOPLE_NOUNS = PERSON_ROLE_NOUNS | words(
    "person people man woman men women officer driver suspect victim teenager"
)
# Words after which a role's title has ended ("former partner who recently lost ...").
TITLE_ENDS = words("who which that for of at in with from on")
# Verbs that give where a person lives ("who lived in South Ozone Park").
RESIDING_VERBS = words("live reside")
