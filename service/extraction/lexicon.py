"""Word lists the event rules are built from.

Lower-case lemmas unless said otherwise. Each list is about what a word *can* mean; whether it
reports an event is decided from the parse in :mod:`service.extraction.triggers`.
"""
from __future__ import annotations

# Nouns that name a happening of each type.
MEETING_NOUNS = frozenset({
    "meeting", "talk", "summit", "visit", "negotiation", "conference", "consultation",
    "call", "conversation", "session", "audience", "encounter", "trip", "tour", "dialogue",
    "meet", "sideline", "videoconference", "teleconference",
})
EXERCISE_NOUNS = frozenset({
    "exercise", "drill", "maneuver", "manoeuvre", "wargame", "war-game", "training",
})
AGREEMENT_NOUNS = frozenset({
    "agreement", "deal", "contract", "treaty", "accord", "memorandum", "mou", "ceasefire",
    "cease-fire", "truce", "pact", "armistice", "protocol", "convention", "declaration", "charter",
    "arrangement",
})

# Verbs that conclude an agreement when its noun is their object (or passive subject).
CONCLUDING_VERBS = frozenset({
    "sign", "conclude", "reach", "ratify", "strike", "seal", "clinch", "finalize", "finalise",
    "ink", "agree", "broker", "approve", "accept", "endorse", "announce", "secure", "forge", "adopt",
    "negotiate", "hammer", "conclude", "enter", "implement",
})
# Verbs that put a meeting or exercise noun on the record as happening (``held talks``).
HOLDING_VERBS = frozenset({
    "hold", "have", "conduct", "stage", "carry", "host", "attend", "begin", "start", "launch",
    "wrap", "end", "conclude", "open", "join", "take", "participate", "organize", "organise",
    "complete", "continue", "resume", "convene", "make", "pay", "perform", "undertake",
})

# Words around a trigger that make it a non-event: the happening is only wanted, refused,
# hypothetical or denied.
NON_FACTUAL_GOVERNORS = frozenset({
    "urge", "propose", "demand", "seek", "want", "hope", "push", "ask", "suggest",
    "request", "press", "plead", "reject", "refuse", "oppose", "deny", "cancel",
    "postpone", "suspend", "threaten", "consider", "discuss", "debate", "offer", "invite",
    "encourage", "recommend", "advocate", "favor", "favour", "wish", "prefer", "aim", "try",
    "attempt", "need", "require", "rule", "withdraw", "violate", "breach", "scrap", "abandon",
    "quit", "exit", "pursue", "negotiate", "draft", "work", "explore", "study", "mull",
    "weigh", "suppose", "imagine", "envisage", "envision", "doubt", "question", "speculate",
    "chance", "prospect", "possibility", "likelihood", "hope", "idea", "proposal", "bid", "effort",
    "push", "demand", "plea", "appeal", "call", "attempt", "prospects", "reason", "room", "unlikely",
    "exclude", "block", "prevent", "halt", "delay", "boycott", "skip", "avoid", "resist",
})
# Verbs and adjectives whose infinitive complement is firmly planned: "agreed to hold drills",
# "is due to visit", "plans to sign".
PLANNING_GOVERNORS = frozenset({
    "agree", "plan", "schedule", "set", "due", "expect", "prepare", "intend", "decide", "vow",
    "pledge", "promise", "resolve", "go", "be", "slate", "poise", "arrange", "announce", "confirm",
    "begin", "start", "continue",
})
# Verbs that report what was said or found: what they report is taken as told.
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "add", "announce", "state", "confirm", "note", "write", "describe",
    "reveal", "disclose", "show", "indicate", "recall", "explain", "stress", "emphasize",
    "emphasise", "acknowledge", "declare", "claim", "post", "tweet", "remark", "observe",
})
# Verbs of remembering: what is recalled on the story's day happened before it ("recalled his visit").
REMEMBERING_VERBS = frozenset({"recall", "remember", "recollect"})
# Modal and hedging auxiliaries that make a clause hypothetical.
HYPOTHETICAL_MODALS = frozenset({"could", "might", "may", "should", "must", "can", "ought"})
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
PLANNED_NOUN_MODIFIERS = frozenset({"upcoming", "forthcoming", "next", "planned", "scheduled"})
HYPOTHETICAL_NOUN_MODIFIERS = frozenset({
    "proposed", "possible", "potential", "future", "draft", "hypothetical", "would-be", "prospective",
    "mooted", "tentative", "failed", "former", "previous", "past", "earlier", "old", "existing",
    "new-style",
})

# Nouns that make an exercise military.
MILITARY_WORDS = frozenset({
    "military", "army", "navy", "naval", "air", "force", "troop", "soldier", "marine", "warship",
    "missile", "defense", "defence", "war", "combat", "live-fire", "fire", "artillery", "tank",
    "fighter", "jet", "bomber", "submarine", "battalion", "brigade", "regiment", "infantry", "armed",
    "amphibious", "airborne", "nuclear", "nato", "drone", "guard", "coast", "special", "command",
    "strategic", "tactical", "joint", "exercise", "drill", "maneuver", "manoeuvre", "wargame",
    "rocket", "ballistic", "carrier", "destroyer", "frigate", "pentagon", "commando", "militia",
    "paratrooper", "aircraft", "helicopter", "anti-submarine", "counterterrorism", "counter-terrorism",
})
# Drills that are not military.
CIVIL_DRILL_WORDS = frozenset({
    "civil", "civilian", "fire", "earthquake", "evacuation", "emergency", "safety", "tsunami", "disaster", "school",
    "oil", "drilling", "health", "pandemic", "lockdown", "shooter", "flood", "hurricane", "rescue", "hazard",
    "blackout", "mock", "siren",
})
# An administration's campaign, as Commonwealth English calls it an exercise: "the mop-up
# registration exercise for the Ghana Card", "the biometric verification exercise at depots".
ADMINISTRATIVE_EXERCISE_WORDS = frozenset({
    "registration", "revision", "verification", "enumeration", "validation", "census", "vaccination",
    "immunisation", "immunization", "screening", "audit", "headcount", "recruitment", "sensitisation",
    "sensitization", "clean-up", "cleanup", "distribution", "polling", "profiling", "voter", "examination",
    "exam", "documentation", "consultation", "rebranding", "restructuring", "budgeting", "stocktaking",
})
# ``exercise of power``, ``an exercise in futility``: abstract uses of the noun.
ABSTRACT_EXERCISE_OBJECTS = frozenset({
    "power", "right", "authority", "sovereignty", "restraint", "caution", "option", "discretion",
    "freedom", "control", "jurisdiction", "judgment", "judgement", "influence", "futility", "will",
    "veto", "leverage", "privilege", "duty",
})

# Meeting nouns that need a qualifier to mean a meeting of officials.
CALL_QUALIFIERS = frozenset({"phone", "telephone", "video", "conference", "virtual", "courtesy"})
NOT_MEETING_CONFERENCE = frozenset({"press", "news", "media"})
# Talks that are a company's or a union's business: "merger talks", "pay talks".
BUSINESS_TALKS = frozenset({
    "merger", "takeover", "buyout", "acquisition", "pay", "wage", "salary", "contract", "licensing", "labour",
    "labor", "union", "transfer", "sponsorship", "refinancing", "debt-restructuring",
})
# Summits and conferences that are trade shows: "the Tagus Tech Summit", "a fintech conference".
TRADE_SHOWS = frozenset({"tech", "technology", "startup", "start-up", "web", "fintech", "crypto", "marketing", "developer", "gaming", "retail"})
# Gatherings that are not officials meeting: "a public meeting" (a rally), "a board meeting".
NOT_OFFICIAL_MEETING = frozenset({
    "public", "campaign", "election", "electoral", "rally", "town", "hall", "town-hall", "shareholder",
    "shareholders", "board", "prayer", "community", "school", "church", "family", "fan", "annual",
    # parties of one country: "chaired an all-party meeting in Wayanad"
    "all-party", "cross-party", "party",
    # a central bank's own sitting: "its next policy meeting", "the rate-setting meeting"
    "policy", "rate-setting", "policy-setting", "monetary",
    # a trade fair's: "the halls were busy with matchmaking meetings"
    "matchmaking", "networking", "b2b",
})

# Head nouns of people and groups that can take part in an event.
TITLE_WORDS = frozenset({
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "emir", "sultan", "sheikh", "ambassador", "envoy", "general", "admiral", "commander",
    "chief", "leader", "head", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
    "senator", "lawmaker", "representative", "speaker", "director", "chairman", "chairwoman",
    "chair", "pope", "ayatollah", "counterpart", "peer", "diplomat", "official", "delegate", "negotiator",
    "deputy", "vice", "foreign", "defense", "defence", "prime", "crown", "supreme", "monarch",
    "emperor", "dictator", "ruler", "mediator", "adviser", "advisor", "coordinator", "commissioner",
    "attorney", "justice", "marshal", "colonel", "lieutenant", "major", "captain", "officer",
    "czar", "tsar", "patriarch", "cardinal", "archbishop", "bishop", "rabbi", "imam", "cleric",
    "chairperson", "ceo", "executive", "founder", "candidate", "nominee", "mp", "congressman",
    "congresswoman", "legislator", "councillor", "councilor", "consul", "attaché", "attache",
    "undersecretary", "under-secretary", "secretary-general", "high", "representative",
    # a diplomatic rank: "Ambassador Extraordinary and Plenipotentiary of Kazakhstan Serik Tulegenov"
    "extraordinary", "plenipotentiary",
})
# Who is posted to a country, which is not his own: "Ambassador to Malaysia", "Special Envoy to Sudan".
ENVOY_TITLES = frozenset({"ambassador", "envoy", "representative", "consul", "plenipotentiary", "commissioner", "attaché", "attache"})
# Forms of address written before a name: "Mrs. Leila Tazi", "Mallam Sani Abdullahi", "Engr. Ali".
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "dr", "mallam", "alhaji", "alhaja", "engr", "engineer", "datuk", "dato", "datin",
    "haji", "hajji", "dame", "sir", "madam", "madame", "monsieur", "señor", "senor", "señora", "senora",
})
# Forms of address and academic titles that come before a name but are no part of it.
NAME_PREFIXES = HONORIFICS | {"professor", "prof"}
# Styles written before a title in capitals: "HE President ...", "HH the Amir" (His Excellency, His Highness).
STYLE_ABBREVIATIONS = frozenset({"HE", "HH", "HRH", "HM", "HIM", "H.E.", "H.H.", "H.R.H.", "H.M."})
# Styles of address between a title and a name, no part of the office: "the Amir Sheikh Jassim".
TITLE_STYLES = frozenset({"sheikh", "sheikha", "sayyid", "sayyida", "tan", "sri", "datuk", "dato", "seri"})
# The head word of a title phrase that makes it a person (``Defense Minister``).
PERSON_TITLE_HEADS = frozenset({
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "emir", "amir", "sultan", "sheikh", "ambassador", "envoy", "general", "admiral",
    "commander", "chief", "leader", "head", "governor", "mayor", "senator", "speaker", "director",
    "chairman", "chairwoman", "chair", "pope", "ayatollah", "counterpart", "monarch", "emperor",
    "ruler", "mediator", "adviser", "advisor", "coordinator", "commissioner", "marshal", "czar",
    "tsar", "patriarch", "chairperson", "consul", "undersecretary", "secretary-general",
    "spokesman", "spokeswoman", "spokesperson", "representative", "negotiator", "lawmaker",
    "crown", "vice-president", "premier", "taoiseach", "dalai", "lama", "supremo", "officer",
    "colonel", "lieutenant", "captain", "diplomat", "official", "delegate",
})
# What a minister is minister of: "Minister of Economy Abdulla Al Shamsi".
PORTFOLIO_WORDS = frozenset({
    "economy", "defence", "defense", "foreign", "affairs", "finance", "trade", "state", "interior",
    "justice", "health", "energy", "industry", "commerce", "agriculture", "education", "transport",
    "labour", "labor", "culture", "environment", "security", "home", "information", "planning",
    "investment", "tourism", "mines", "oil", "petroleum", "water", "communications", "digital",
    "science", "technology", "development", "cooperation", "and", "the", "national", "public",
    "economic", "international", "external", "internal", "armed", "forces", "war", "staff",
    "european", "integration", "relations", "emergency", "situations", "youth", "sports", "social",
    "fisheries", "maritime", "infrastructure", "housing", "border", "customs", "regional", "diaspora",
    "humanitarian", "veterans", "natural", "resources", "climate", "innovation", "research", "higher",
    "telecommunications", "media", "urban", "rural", "welfare", "aviation", "civil", "railways",
    "immigration", "police", "intelligence", "procurement", "logistics", "mining", "transition",
})
# Plural heads for collective participants (``Iranian officials``, ``the two armies``).
GROUP_HEADS = frozenset({
    "official", "leader", "minister", "president", "delegation", "delegate", "diplomat", "envoy",
    "representative", "negotiator", "army", "navy", "force", "troop", "military", "government",
    "authority", "counterpart", "ministry", "administration", "side", "party", "nation", "country",
    "state", "lawmaker", "parliamentarian", "commander", "officer", "soldier", "marine", "sailor",
    "team", "regime", "cabinet", "coalition", "alliance", "guard", "militant", "rebel", "group",
    "counterpart", "ally", "partner", "member", "power", "kingdom", "republic", "emirate",
    # forces and their hardware take part in exercises: "Chinese warships", "Turkish F-16 jets"
    "jet", "warship", "ship", "vessel", "aircraft", "plane", "fighter", "bomber", "submarine",
    "destroyer", "frigate", "carrier", "tank", "unit", "battalion", "brigade", "division", "fleet",
    "paratrooper", "commando", "contingent", "squadron", "helicopter", "drone",
})
# Heads of state and government: who "both leaders" and "the two leaders" are.
LEADER_TITLES = frozenset({
    "president", "prime", "premier", "chancellor", "king", "queen", "emir", "amir", "sultan", "leader",
    "monarch", "crown", "taoiseach",
})
# Bodies of a state: they carry its country ("the Iranian army", "Indonesia's defence ministry").
SINGULAR_ORG_HEADS = frozenset({
    "army", "navy", "military", "government", "ministry", "administration", "regime", "cabinet",
    "parliament", "guard", "force", "command", "coast", "airforce", "corps", "council",
    "commission", "agency", "office", "department", "presidency", "kremlin", "embassy", "mission",
})
# Companies carry no country: a French aircraft maker signing a contract does not make France a party.
COMPANY_HEADS = frozenset({
    "company", "firm", "maker", "manufacturer", "producer", "group", "corporation", "giant",
    "conglomerate", "contractor", "supplier", "bank", "operator", "carrier", "developer", "startup",
    "exporter", "builder", "shipyard", "airline", "insurer", "investor", "fund", "lender",
})
