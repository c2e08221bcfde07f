"""Cue words of stance-taking: reporting and stance verbs, modal and impersonal recommendation
frames, evaluative idioms, predictions, and the content words that decide what a reported
statement amounts to (README convention 7: the kind follows what is said).

Every cue is a compiled pattern with the kind it signals and a category that tells the stance
finder where to look for the holder and the target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def verb(*bases: str) -> str:
    """An alternation of the inflected forms of regular verbs ('condemn' -> condemns, ...)."""
    forms = []
    for b in bases:
        if b.endswith("e"):
            forms.append(rf"{b[:-1]}(?:e|es|ed|ing)")
        elif b.endswith("y") and b[-2] not in "aeiou":
            forms.append(rf"{b[:-1]}(?:y|ies|ied|ying)")
        else:
            forms.append(rf"{b}(?:s|es|ed|ing)?")
    return "(?:" + "|".join(forms) + ")"


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    kind: str
    category: str  # speech, verb, called, modal, impersonal, evaluative, predict, null, nominal


def _c(pattern: str, kind: str, category: str, flags: int = re.IGNORECASE) -> Cue:
    return Cue(re.compile(pattern, flags), kind, category)


_AUX = (r"(?:(?:was|were|is|are|been|be|being|has been|have been|had been)\s+"
        r"(?:(?:\w+ly|still|also|now|already|being|again)\s+){0,2})")
PASSIVE_VERBS = {
    "vetoed": "oppose", "opposed": "oppose", "rejected": "reject", "condemned": "condemn",
    "denounced": "condemn", "criticized": "criticize", "criticised": "criticize",
    "blocked": "oppose", "welcomed": "welcome", "praised": "welcome", "supported": "support",
    "backed": "support", "endorsed": "support", "proposed": "propose", "demanded": "demand",
    "urged": "urge", "denied": "deny", "dismissed": "reject", "resisted": "oppose",
    "accused": "accuse", "blamed": "accuse", "slammed": "criticize", "protested": "condemn",
    "ratified": "support", "approved": "support", "hailed": "welcome", "held up": "oppose",
    "challenged": "oppose", "questioned": "criticize", "described": "criticize",
    "drafted": "propose", "tabled": "propose", "sponsored": "propose", "put forward": "propose",
    "threatened": "threaten", "warned": "warn", "rebuffed": "reject", "disputed": "reject",
    "recognized": "support", "recognised": "support",
}
# "a move opposed by Israel": a reduced passive after a noun of action
_ACTION_NOUN = (r"(?:(?:(?<=,\s)|(?<=\bin\s))(?:an?|the)\s+(?:[\w-]+\s+)?"
                r"(?:move|step|decision|plan|proposal|"
                r"measure|resolution|deal|policy)\s+(?:\w+ly\s+)?)")
PASSIVE = re.compile(
    rf"\b(?:{_AUX}|{_ACTION_NOUN})(?P<verb>{'|'.join(PASSIVE_VERBS)})\s+(?=(?:[\w-]+\s+){{0,3}}by\b)",
    re.IGNORECASE
)

# Cues that cancel what follows: nothing was said or done.
NULL_CUES = [
    _c(r"\b(?:declin|refus)(?:ed|es|e|ing)\s+to\s+(?:comment|respond|answer|elaborate|confirm|"
       r"discuss|speculate|take\s+(?:sides|a\s+(?:side|position|stance)))", "claim", "null"),
    _c(r"\bsa(?:id|ys)\s+(?:little|nothing)\b|\bha(?:d|s)\s+little\s+to\s+say\b|\bkept\s+silent\b|\bremained\s+silent\b|"
       r"\bno\s+comment\b", "claim", "null"),
    _c(r"\bfail(?:ed|s)?\s+to\s+(?:agree|reach|condemn|adopt|act)", "claim", "null"),
    _c(r"\babstain(?:ed|s)?\b", "claim", "null"),
]

SPEECH = [
    # not a noun after a possessive ("China's claim to ...")
    _c(rf"\b(?<![’']s\s)(?:said|says|say|saying|told|tells|"
       rf"{verb('add')}(?=\s*(?:that\b|[,.:;“\"”]|$)|\s+(?:on|in|at|later|today)\b)|"
       r"(?:repl(?:y|ies|ied|ying)|retort(?:s|ed|ing)?|respond(?:s|ed|ing)?)(?=\s+that\b|\s*[,:])|"
       rf"{verb('state')}|"
       rf"{verb('announce')}|{verb('maintain')}|{verb('assert')}|{verb('claim')}|"
       rf"{verb('argue')}|insist(?:s|ed|ing)?(?!\s+on)|{verb('note')}(?=\s+(?:that|with)\b)|{verb('stress')}|"
       rf"{verb('emphasize')}|{verb('emphasise')}|made\s+(?:it\s+)?(?:clear|plain)|makes?\s+(?:it\s+)?(?:clear|plain)|"
       rf"{verb('declare')}|{verb('reiterate')}|{verb('explain')}|pointed\s+out|points\s+out|"
       rf"wrote|writes|{verb('document')}|{verb('report')}(?=\s+that)|{verb('conclude')}|"
       rf"{verb('acknowledge')}|{verb('contend')}|{verb('observe')}(?=\s+that)|"
       rf"{verb('suggest')}(?=\s+that)|{verb('indicate')}(?=\s+that)|{verb('show')}(?=\s+that)|"
       rf"{verb('remark')}|{verb('confirm')}(?=\s+that)|{verb('reaffirm')}(?=\s+that)|"
       r"(?:found|finds|ruled|rules)(?=\s+that))\b",
       "claim", "speech"),
    _c(rf"\b{verb('warn')}\b|\bcaution(?:s|ed)?\b(?=\s+(?:that|against|\w+\s+(?:that|against)))",
       "warn", "speech"),
    _c(rf"\b{verb('predict')}\b|\bforecast(?:s|ed)?\b|\bexpect(?:s|ed)?\b(?=\s+(?:that\b|"
       r"[\w·’'-]+(?:\s+[\w·’'-]+){0,3}\s+to\b))", "predict", "speech"),
]

VERBS = [
    _c(rf"\b(?:{verb('condemn')}|{verb('denounce')}|{verb('decry')}|{verb('deplore')}|"
       r"recall(?:s|ed|ing)?\s+(?:its|their)\s+ambassador(?=[^.;]{0,40}\bin\s+protest))\b"
       r"|\b(?:lodg|fil|register)(?:e|es|ed|ing)?\s+an?\s+(?:formal\s+|strong\s+|"
       r"diplomatic\s+)*protest"
       r"|\bsummon(?:s|ed|ing)?\b(?=[^.;]{0,60}?\bto\s+(?:protest|complain|lodge|convey))"
       r"|\bprotest(?:s|ed)\s+(?=against\b|over\b|to\b)", "condemn", "verb"),
    _c(rf"\b(?:{verb('criticize')}|{verb('criticise')}|slam(?:s|med|ming)?|{verb('blast')}|"
       rf"{verb('lambaste')}|{verb('rebuke')}|{verb('censure')}|{verb('chide')}|"
       rf"{verb('deride')}|{verb('mock')}|(?:took|takes|taking)\s+aim\s+at|"
       rf"(?:lashed|lashes|hit|hits)\s+out\s+at|(?:voic|express|rais)(?:e|es|ed|ing)\s+[“\"]?"
       r"(?:(?:deep|grave|serious|strong|great)\s+)?(?:concerns?|dismay|regret|displeasure|"
       r"disappointment|frustration)\b[”\"]?(?:\s+(?:over|about|at|with|regarding))?|"
       r"(?<!will\s)(?<!would\s)(?<!might\s)regret(?:s|ted)?)\b", "criticize", "verb"),
    _c(rf"\b(?:{verb('accuse')}|{verb('blame')}|trad(?:e|es|ed|ing)\s+(?:blame|accusations|"
       r"charges|barbs|insults))\b", "accuse", "verb"),
    _c(rf"\b(?:{verb('support')}|{verb('endorse')}|{verb('champion')}|{verb('ratify')}|"
       r"backed|backs|backing|(?:expressed|voiced|expresses|voices|reiterated|reaffirmed|"
       r"reaffirms|pledged|pledges|"
       r"offered|promised)\s+[“\"]?(?:[\w’'-]+\s+){0,3}support[”\"]?\s+(?:for|to)|"
       r"st(?:and|ands|ood|anding)\s+(?:\w+ly\s+)?(?:with|behind|shoulder\s+to\s+shoulder\s+with)|"
       r"threw\s+(?:its|his|her|their)\s+support\s+behind|shield(?:s|ed|ing)?(?=\s+(?-i:[A-Z]))|"
       r"back\s+(?=(?-i:[A-Z]))|(?:pledged|pledges|offered|promised)\s+(?:[\w’'-]+\s+){0,3}backing\s+"
       r"(?:for|to)|"
       r"sid(?:e|es|ed|ing)\s+with|vot(?:e|es|ed|ing)\s+(?:(?:this|last|on)\s+\w+\s+)?"
       r"(?:in\s+favou?r(?:\s+of)?|for|yes\b)|"
       r"(?:ha(?:s|ve|d)|expressed|expresses)\s+(?:\w+\s+)?sympathy\s+(?:for|with)|"
       r"reaffirm(?:s|ed|ing)?(?!\s+that))\b",  # last: "reaffirmed support for" goes first
       "support", "verb"),
    _c(rf"\b(?:{verb('welcome')}|{verb('praise')}|{verb('hail')}|{verb('applaud')}|"
       rf"{verb('commend')}|{verb('appreciate')}|thank(?:s|ed)?|(?:expressed|voiced|"
       r"expresses)\s+(?:[\w’'-]+\s+){0,2}(?:appreciation|gratitude|thanks)\s+(?:for|to))\b",
       "welcome", "verb"),
    _c(rf"\b(?:{verb('oppose')}|veto(?:es|ed|ing)?|objected\s+to|objects\s+to|"
       r"(?:voiced|expressed|voices|expresses|made|makes)\s+(?:\w+\s+)?opposition\s+to|"
       r"vot(?:e|es|ed|ing)\s+(?:against|no\b)|(?:speaks?|spoke|speaking|came|comes|argued|argues)\s+"
       r"(?:out\s+)?against|"
       rf"{verb('resist')})\b", "oppose", "verb"),
    _c(rf"\b(?:{verb('reject')}|{verb('dismiss')}|{verb('rebuff')}|{verb('repudiate')}|"
       r"disagree(?:s|d)?(?!\s+(?:among|between|over|about)\b)|"
       r"annul(?:s|led|ling)?|revok(?:e|es|ed|ing)|t(?:ore|ear|ears|earing)\s+up)\b",
       "reject", "verb"),
    _c(r"\b(?:deny|denies|denied|denying)\b", "deny", "verb"),
    _c(rf"\b(?:{verb('refuse')}|declined\s+to|declines\s+to|{verb('spurn')}|"
       r"rul(?:e|es|ed|ing)\s+out)\b", "refuse", "verb"),
    _c(r"\b(?:(?:was|is|were|are|been|be|remains?|remained|appears?|seemed)\s+(?:\w+ly\s+)?"
       r"(?:reluctant|hesitant|unwilling|loath)|balk(?:s|ed)?\s+at|drag(?:s|ged)\s+(?:its|their)\s+"
       r"feet|(?:has|have|had)\s+shown\s+(?:little|no)\s+appetite\s+for)\b", "reluctant", "verb"),
    _c(rf"\b(?:{verb('demand')}|call(?:s|ed|ing)?\s+for|insist(?:s|ed|ing)?\s+on|"
       r"(?:handed|hands|presented|issued|sent)\s+(?:[\w’'-]+\s+){0,3}(?:demands|an\s+ultimatum)|"
       r"order(?:s|ed|ing)?(?=\s+(?:[\w’'-]+\s+){1,4}to\s+(?:leave|withdraw|stop|halt|cease|"
       r"turn|return|pull|disperse|hand|release|vacate|lift)\b))\b",
       "demand", "verb"),
    _c(rf"\b(?:{verb('urge')}|call(?:s|ed|ing)?\s+(?:on|upon)|{verb('implore')}|"
       rf"{verb('exhort')}|appeal(?:s|ed|ing)?\s+to|"
       r"encourag(?:e|es|ed|ing)\s+(?=(?:[\w·’'-]+\s+){1,5}to\s)|pressed\s+(?=\w+(?:\s+\w+)?\s+to\b)|"
       r"ask(?:s|ed)?\s+(?=(?:[\w·’'-]+\s+){1,5}to\s+(?!be\b|do\s+so\b)))\b",
       "urge", "verb"),
    _c(rf"\b(?:{verb('recommend')}|{verb('advise')})\b", "recommend", "verb"),
    _c(rf"\b(?:{verb('propose')}|offer(?:s|ed)?\s+to|{verb('circulate')}\s+a\s+(?:draft|proposal)|"
       rf"tabled\s+a\s+(?:draft|resolution|proposal)|{verb('float')}\s+(?:a|the)\s+(?:idea|plan|"
       rf"proposal))\b", "propose", "verb"),
    _c(rf"\b(?:{verb('threaten')}|vow(?:s|ed|ing)?\s+to\s+(?:retaliate|respond|strike|"
       rf"punish|answer|counter))\b", "threaten", "verb"),
    _c(r"\b(?:vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|"
       r"intend(?:s|ed)?|plan(?:s|ned)?\s+to|resolved\s+to|committed\s+to|"
       r"(?:is|are|was|were|stands?|stood|remains?|remained)\s+(?:\w+ly\s+)?ready\s+to)\b",
       "intend", "verb"),
    _c(r"\b(?:agree(?:s|d)?|signed\s+(?:an?|the)\s+(?:(?!that\b|which\b)[\w“”\"-]+\s+){0,4}"
       r"(?:agreement|deal|"
       r"accord|pact|treaty|partnership|memorandum|declaration)|"
       r"reached\s+an?\s+(?:agreement|deal|accord|consensus))\b", "agree", "verb"),
    _c(r"\bcall(?:s|ed|ing)?\s+(?!on\b|upon\b|for\b|off\b|in\b|up\b|back\b)"
       r"(?!it\b(?!\s+(?:an?\s|the\s|proof\b|[“\"])))", "condemn", "called"),
    _c(r"\b(?:describ(?:e|es|ed|ing)|regard(?:s|ed|ing)?|branded|brands)\s+"
       r"(?=[^.;:]{1,80}?\bas\b)", "condemn", "called"),
]

# Appeals in the author's (or a speaker's) own voice; the subject is the target.
MODAL = [
    _c(r"\b(?:should|ought\s+to|must|needs?\s+to|has\s+to|have\s+to|would\s+do\s+well\s+to)\b"
       r"(?!\s+(?:not\s+)?(?:be\s+)?(?:stay|remain)\s+off)|"
       r"\bwould\s+be\s+(?:wise|well\s+advised|prudent|sensible)\s+to\b", "recommend", "modal"),
    _c(r"\bhad\s+better\b", "warn", "modal"),
]
IMPERSONAL = [
    _c(r"\bit\s+(?:would|will|may|might)\s+be\s+(?:wise|prudent|advisable|better|best|sensible)"
       r"\s+for\b|\bit\s+(?:is|would\s+be|seems|appears)\s+(?:highly\s+|strongly\s+)?"
       r"(?:recommended|advisable|appropriate|essential|imperative|crucial|important|necessary|"
       r"vital|time|desirable|urgent)\s+(?:that|for)\b|\bit\s+seems\s+(?:appropriate|wise)\s+"
       r"(?:that|for)\b|\bit\s+(?:would|will|may|might)\s+be\s+(?:a\s+)?(?:(?:grave|serious|"
       r"big|huge|great|costly)\s+)?(?:mistake|error|unwise|imprudent|dangerous|reckless)\s+for\b|"
       r"\bit\s+(?:is|was)\s+(?:a\s+)?(?:(?:grave|serious|big)\s+)?(?:mistake|error)\s+for\b|"
       r"\bthere\s+is\s+(?:a\s+)?(?:strong|good|compelling|clear)\s+case\s+for\b",
       "recommend", "impersonal"),
    _c(r"\bthe\s+(?:most\s+)?(?:sensible|wise|prudent|best|right|obvious)\s+(?:course|option|"
       r"step|move|thing|path)\s+for\b", "recommend", "impersonal"),
    _c(r"\bit\s+is\s+(?:not|never|hardly)\s+(?:a\s+)?(?:rational|wise|realistic|reasonable|"
       r"sensible|viable|prudent|helpful)\s+(?:option\s+|choice\s+|course\s+)?for\b",
       "criticize", "impersonal"),
    _c(r"\bit\s+is\s+(?:\w+\s+)?(?:ridiculous|absurd|preposterous|shameless|hypocritical|"
       r"outrageous|laughable|irresponsible)\s+for\b", "criticize", "impersonal"),
]
EVALUATIVE = [
    _c(r"\b(?:is|was|are|were)\s+far\s+from\s+(?:the\s+)?truth|\b(?:is|are|was)\s+(?:simply\s+)?"
       r"(?:untrue|groundless|baseless|false)\b|\b(?:has|have|had)\s+no\s+(?:\w+\s+)?basis\b",
       "deny", "evaluative"),
    _c(r"\bact\s+of\s+(?:self-interest|cynicism|hypocrisy|bad\s+faith)|dressed\s+up\s+as|"
       r"\bstood\s+(?:idly\s+)?(?:aside|by)\b|turned\s+a\s+blind\s+eye|looked\s+the\s+other\s+way|"
       r"\b(?:seems|seemed|appears)\s+to\s+be\s+an?\s+(?:\w+\s+)?(?:unreasonable|unfair|misguided|"
       r"one-sided|counterproductive)|\b(?:is|was|are|were)\s+(?:an?\s+)?(?:deeply\s+)?"
       r"(?:misguided|hypocritical|cynical|reckless|short-sighted|self-defeating)\b|"
       r"\b(?:is|was|has\s+been|were)\s+(?:a|an)\s+(?:\w+\s+)?(?:mistake|blunder|error|failure)\b|"
       r"\b(?:is|was)\s+the\s+wrong\s+(?:way|answer|approach|response|move|step|course)\b|"
       r"\b(?:is|was|are|were)\s+wrong\s+to\b|\boverplayed\s+(?:its|his|her|their)\s+hand\b|"
       r"\bdeserves?\s+(?:\w+\s+)?(?:criticism|blame|censure)\b|"
       r"\b(?:was|were|has\s+been|have\s+been)\s+(?:too\s+)?slow\b(?=[^.;]{0,30}?\bto\b)|"
       # "Washington's policy of strategic patience has failed": a judgement of a course taken
       r"\b(?:policy|policies|strategy|approach|diplomacy|gamble|bet)\b[^.;,:]{0,50}?\s"
       r"(?:has|have)\s+(?:\w+ly\s+)?failed\b(?!\s+to\b)|"
       r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:lost\s+(?:any|all)\s+(?:right|credibility|"
       r"legitimacy)|forgotten\s+(?:its|his|her|their|the)\s+(?:\w+\s+)?duty)\b|"
       r"\btrue\s+colou?rs\b",
       "criticize", "evaluative"),
    _c(r"\bdeserves?\s+(?:\w+\s+)?support\b|\bmerits?\s+(?:\w+\s+)?support\b|\bis\s+(?:a\s+)?"
       r"(?:welcome|sound|sensible)\s+(?:step|move|idea)\b", "support", "evaluative"),
    _c(r"\b(?:is|are|was|were)\s+(?:most\s+|very\s+)?welcome\b(?!\s+to\b)", "welcome",
       "evaluative"),
    _c(r"\b(?:is|was)\s+the\s+right\s+(?:one|decision|call|choice|move|step)\b", "support",
       "evaluative"),
    _c(r"\bshould\s+(?:stay|remain|be\s+kept)\s+off\s+the\s+table|\bshould\s+be\s+(?:rejected|"
       r"abandoned|scrapped|dropped|resisted|ruled\s+out)\b", "oppose", "evaluative"),
    _c(r"\bin\s+name\s+only\b|\bhas\s+every\s+reason\s+to\b|\bhave\s+every\s+reason\s+to\b",
       "claim", "evaluative"),
    _c(r"\bit\s+is\s+(?:apparent|clear|evident|obvious)\s+that\b", "claim", "frame"),
]
PREDICT = [
    _c(r"\b(?:is|are)\s+(?:almost\s+|all\s+but\s+|virtually\s+)?(?:certain|likely|unlikely|"
       r"bound|poised|set)\s+to\b", "predict", "predict"),
    _c(r"\bwill\b(?!\s+not\s+stand)|\bwould\b(?!\s+have\b)(?!\s+be\s+wise)", "predict", "predict"),
]
NOMINAL = [
    _c(r"\b(?:demands?|calls?|insistence)\s+(?:of|by)\s+(?=(?:the\s+)?[A-Z])", "demand",
       "nominal"),
]
# A stance named as its holder's ("Beijing's opposition to the deployment", "Tehran's demand
# that ..."): the possessor holds it, what follows the preposition is its object.
_POSSESSED = [("oppose", r"opposition\s+to|objections?\s+to|resistance\s+to|veto\s+of"),
              ("reject", r"rejection\s+of|dismissal\s+of"),
              ("support", r"support\s+for|backing\s+(?:for|of)|endorsement\s+of"),
              ("demand", r"demands?\s+(?:that|for)|insistence\s+(?:that|on)"),
              ("condemn", r"condemnation\s+of"), ("criticize", r"criticism\s+of"),
              ("refuse", r"refusal\s+to"), ("threaten", r"threats?\s+(?:to|against)"),
              ("warn", r"warnings?\s+(?:that|to|against)"), ("urge", r"calls?\s+(?:for|on)"),
              ("deny", r"denials?\s+(?:of|that)"), ("accuse", r"accusations?\s+(?:that|against)"),
              ("propose", r"(?:proposal|offer)\s+(?:to|for|of)")]
POSSESSED = [_c(rf"(?<=[’']s\s)(?:{words})\b", kind, "possessed") for kind, words in _POSSESSED]
# A text that takes the stance of whoever wrote or adopted it: "a UN General Assembly resolution
# demanding that ...", "issued a statement condemning ...". The participle decides the kind.
ARTIFACT = [
    _c(r"\b(?:resolution|statement|declaration|communiqu[ée]|letter|motion|report)\s+"
       r"(?P<participle>demanding|calling\s+(?:on|upon|for)|condemning|urging|denouncing|"
       r"criticizing|criticising|welcoming|rejecting|deploring|accusing|backing|supporting|"
       r"endorsing|opposing)\b", "demand", "artifact"),
]
ARTIFACT_KINDS = {
    "demanding": "demand", "calling for": "demand", "calling on": "urge", "calling upon": "urge",
    "condemning": "condemn", "urging": "urge", "denouncing": "condemn", "criticizing": "criticize",
    "criticising": "criticize", "welcoming": "welcome", "rejecting": "reject",
    "deploring": "condemn", "accusing": "accuse", "backing": "support", "supporting": "support",
    "endorsing": "support", "opposing": "oppose",
}

ALL_CUES = (NULL_CUES + SPEECH + VERBS + MODAL + IMPERSONAL + EVALUATIVE + PREDICT + NOMINAL
            + ARTIFACT + POSSESSED)

# What a statement amounts to, checked in this order on reported content.
CONTENT = [
    ("threaten", re.compile(
        r"\b(?:answer|respond|retaliate|counter)\w*\b[^.;]{0,80}?\bwith\b|countermeasures?|"
        r"\breserves?\s+the\s+right\s+to\s+(?:respond|retaliate|act|defend)|"
        r"\b(?:respond|react|retaliate)\w*\s+[“\"]?(?:befittingly|forcefully|decisively|firmly|"
        r"resolutely|in\s+kind)|"
        r"(?:take|taking|took|launch)\s+military\s+action|retaliat\w+|sea\s+of\s+fire|annihilat\w+|merciless|"
        r"\bwith\s+(?:overwhelming\s+|military\s+)?force\b|met\s+with\s+(?:a\s+)?(?:firm|strong|"
        r"decisive|military)\s+response|shoot(?:ing)?\s+down|by\s+(?:every|all)\s+means|"
        r"\bact\s+to\s+(?:stop|prevent|defend)|wipe\s+out|totally\s+destroy|"
        r"\bnot\s+hesitate\b|\bstrike\s+again\b|\b(?:fire|hit|strike)\s+back\b", re.I)),
    ("warn", re.compile(
        r"held\s+(?:fully\s+)?(?:responsible|accountable)|will\s+(?:pay|regret)|"
        r"(?:face|bear)\s+(?:the\s+)?(?:serious\s+|severe\s+)?consequences|gain\s+nothing|"
        r"will\s+not\s+stand\s+(?:idly\s+)?by|deeper\s+isolation|drastic\s+measures|"
        r"(?:serious|severe)\s+backlash|at\s+(?:its|their)\s+own\s+peril|heavy\s+price|"
        r"resolute\s+measures|(?:firm|strong|necessary)\s+countermeasures|"
        r"(?:negative|serious|grave|dire|catastrophic|disastrous|unpredictable)\s+consequences|"
        r"\bset\s+[^.;]{0,30}\bon\s+fire|\bact\s+of\s+war\b|\bnot\s+improve\b|"
        r"\b(?:would|will)\s+(?:only\s+)?(?:worsen|inflame|escalate|destabili[sz]e)\b|"
        r"\binvite\s+(?:the\s+)?(?:next|more|further)\b|\bnot\s+(?:\w+\s+)?tolerate\b", re.I)),
    ("reject", re.compile(
        r"\b(?:groundless|baseless|unfounded|absurd|nonsense|fabricat\w+|laughable|ridiculous|"
        r"illegitimate|pointless|no\s+basis)\b|\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?accept\b|"
        r"\baccept\s+no\b|\bnot\s+(?:conform|comply)|\b(?:null\s+and\s+)?void\b|"
        r"\bcarr(?:y|ies)\s+no\s+weight|\bno\s+(?:legal\s+)?(?:force|effect|jurisdiction)\b|"
        r"\bnot\s+binding\b", re.I)),
    ("deny", re.compile(r"\b(?:breaks?|broke|violates?|violated|breaches?)\s+no\b", re.I)),
    ("accuse", re.compile(
        r"\b(?:abuses|atrocities|war\s+crimes|crimes\s+against\s+humanity|massacres?|"
        r"human\s+rights\s+violations|ethnic\s+cleansing|genocide)\b", re.I)),
    ("condemn", re.compile(
        r"unprovoked|indiscriminate|provocation|reckless|rehearsals?\s+for\s+(?:invasion|aggression|war)|breach\s+of|"
        r"violation\s+of|threat\s+to\s+(?:the\s+)?(?:peace|stability|security)|outrageous|"
        r"unacceptable|deplorable", re.I)),
    ("criticize", re.compile(
        r"foolish|thief|hostile|tool\s+of|irresponsible|hypocri\w+|double\s+standards?|"
        r"shielding|unreasonable|destabiliz\w+|interference|gangster|cynical|biased|"
        r"provocative|needlessly|risky|regrets?|regrettable|(?:grave|serious|deep|great|strong)\s+concern|"
        r"\bwith\s+(?:\w+\s+)?concern|a\s+blow\s+to|"
        r"\bmistake|wrong\s+(?:message|signal|direction)|failed\s+to|yet\s+to|"
        r"broken\s+(?:its|their|his|her)\s+(?:promise|word)|coercion|intimidation|bully\w*|"
        r"undermin\w+|sabotag\w+|obstruct\w*|\bviolat(?:e|es|ed|ing)\b|\baggressive\b|"
        r"\bnot\s+(?:been\s+)?(?:ready|willing|prepared)\s+to\b|\bnot\s+(?:\w+\s+){0,2}far\s+enough\b|"
        r"\bno\s+(?:\w+\s+)?justification\b|\bunjustifi(?:ed|able)\b|\bfarce\b",
        re.I)),
    ("reluctant", re.compile(
        r"\bin\s+no\s+(?:hurry|rush)\b|\bnot\s+in\s+a\s+(?:hurry|rush)\b|\bno\s+need\s+to\s+rush\b",
        re.I)),
    ("support", re.compile(
        r"\b(?:is|are|remains?|would\s+be)\s+(?:still\s+|far\s+)?better\s+than\s+no\b|"
        r"\blean(?:s|ed|ing)?\s+towards?\b|\b(?:is|was|are|were)\s+right\b|"
        r"\b(?:ironclad|unwavering|unshakable|unshakeable|steadfast|rock-solid)\b|"
        r"\bshoulder\s+to\s+shoulder\b|"
        r"\bsolidarity\s+with\b|\bfull(?:est)?\s+support\b", re.I)),
    ("demand", re.compile(r"\bmust\b|\bhave\s+to\b|\bhas\s+to\b|\bhad\s+to\b|"
                          r"\bexpect(?:s|ed)?\s+(?:[\w’'-]+\s+){1,6}?to\s+(?:comply|abide|respect|"
                          r"honou?r|implement|stop|cease|withdraw|release)\b", re.I)),
    # "hoped Pyongyang would come back to the talks": an appeal to Pyongyang
    ("urge", re.compile(r"\bshould\b|\bought\s+to\b|"
                        r"\bhope[sd]?\s+(?:that\s+)?[^.;]{1,60}?\b(?:would|will|could)\b", re.I)),
    ("oppose", re.compile(
        r"outlived\s+(?:its|their)\s+usefulness|\bobsolete\b|counterproductive|"
        r"out\s+of\s+the\s+question|"
        r"off\s+the\s+table", re.I)),
    ("propose", re.compile(
        r"\b(?:glad|happy|willing|pleased)\s+to\s+(?:meet|talk|host|mediate|negotiate)\b|"
        r"\bwants?\s+(?:\w+\s+)?(?:talks|negotiations|dialogue)\b|"
        r"\bthe\s+only\s+(?:way|solution|option|path)\b|\bthe\s+(?:best|right)\s+way\s+"
        r"(?:forward|out)\b", re.I)),
    ("intend", re.compile(
        r"\bintends?\s+to\b|\bplans?\s+to\b|\bwill\s+(?:build|expand|continue|develop|strengthen|"
        r"bolster|pursue)\b|\b(?:ready|committed|determined)\s+to\b|"
        r"\b(?:is|was|are|were)\s+preparing\b", re.I)),
    ("predict", re.compile(r"\bwould\b|\bwill\b|\b(?:un)?likely\b", re.I)),
]

# What the speaker's own side "would" or "will" do: an intention, not a forecast.
OWN_INTENT = re.compile(
    r"\b(?:would|will|is\s+going\s+to|was\s+going\s+to)\s+(?:\w+ly\s+)?(?:continue|keep|"
    r"provide|send|offer|hold|proceed|assign|deploy|resume|build|expand|develop|strengthen|"
    r"bolster|pursue|increase|step\s+up|begin|start|launch|open|seek|push|work|maintain|"
    r"defend|take|visit|give|contribute|extend|impose|consider|review|respond|study|examine|"
    r"back|support)\b|"
    r"\b(?:remain(?:s|ed)?|is|was|are|were|stands?|stood)\s+(?:fully\s+|firmly\s+)?"
    r"(?:ready|committed|determined|prepared)\s+to\b", re.I)

# Evaluations put in quotation marks after "called" / "described ... as": usually praise or
# blame; praise has these words, anything else quoted is blame.
PRAISE = re.compile(
    r"\b(?:productive|constructive|positive|historic|important\s+step|welcome|success\w*|"
    r"encouraging|good|great|excellent|principled|responsible|breakthrough|watershed|"
    r"milestone|landmark|turning\s+point|new\s+era|model|strong|warm|wonderful|fantastic|"
    r"friendly|excellent|terrific|beautiful)\b", re.I)

# Consequences that make an author's forecast a warning.
NEGATIVE_OUTCOME = re.compile(
    r"backlash|sanction|threaten|isolation|\bcost|collapse|damage|undermine|danger|crisis|"
    r"punish|\bpay\b|penalt|retaliat|escalat|instabilit", re.I)

# Words before a cue that make it non-asserted (subordinate, interrogative, hypothetical).
NON_ASSERTED = re.compile(
    r"\b(?:whether|if|unless|when|once(?!\s+(?:again|more))|why|how)\b|\?|"
    r"\bno\s+(?:evidence|sign|indication)s?\s+that\b", re.IGNORECASE)
NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|hardly|n[o’']t|without)\b|n[’']t\b|"
    r"\bno\s+(?:intention|plan)s?\s+to\b|\bfail(?:ed|s)?\s+to\b", re.IGNORECASE)

EVENT_CLASSES = {
    "launch": re.compile(r"\b(?:launch\w*|missiles?|tests?|testing|firings?|"
                         r"ICBMs?|SLBMs?|nuclear|fissile|barrage)\b", re.I),
    "drill": re.compile(r"\b(?:drills?|exercises?|war\s+games|maneuvers)\b", re.I),
}

# Acts named later by a noun ("the veto", "the decision") that point back to whoever performed
# them: the noun, and the verbs that perform them (lowercased text, see `lowered`).
def words(*alternatives: str) -> re.Pattern[str]:
    """Whole words of lowercased text, each alternative starting with a plain letter; written
    as "letter, not after a word character, rest" so the scan can skip to those letters."""
    return re.compile("(?:" + "|".join(rf"{a[0]}(?<!\w{a[0]}){a[1:]}" for a in alternatives)
                      + r")\b")


ACT_NOUNS_LOW = {"veto": words("veto", "vetoes"), "decision": words("decision", "move")}
ACT_VERBS_LOW = {"veto": words("vetoed", "vetoes", "vetoing"),
                 "decision": words("decided", "announced", "approved")}

# Who carried out an event: the subject of these verbs in a clause about it.
EVENT_VERBS = re.compile(
    r"\b(?:fir(?:e|es|ed|ing)|test-fir\w+|launch(?:es|ed|ing)?|test(?:s|ed|ing)?|"
    r"conduct(?:s|ed|ing)?|carr(?:y|ies|ied)\s+out|stag(?:e|es|ed|ing)|h[eo]ld(?:s|ing)?|"
    r"extend(?:s|ed|ing)?)\b", re.I)


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for text lowercased once: a case-sensitive search of `text.lower()` finds
    what an IGNORECASE search of `text` finds, several times faster over long alternations."""
    src = pattern.pattern
    if re.search(r"\\[A-Z]|\[[^\]]*[A-Z]|\(\?P<", src):
        raise ValueError(f"cannot lowercase {src[:40]!r}")
    return re.compile(src.lower(), pattern.flags & ~re.IGNORECASE)


# The same, for lowercased text (see `lowered`).
CONTENT_LOW = [(kind, lowered(p)) for kind, p in CONTENT]
OWN_INTENT_LOW = lowered(OWN_INTENT)
# EVENT_CLASSES for lowercased text, written for fast scanning (see `words`)
EVENT_CLASSES_LOW = {
    "launch": words(r"launch\w*", "missiles?", "tests?", "testing", "firings?", "icbms?",
                    "slbms?", "nuclear", "fissile", "barrage"),
    "drill": words("drills?", "exercises?", r"war\s+games", "maneuvers"),
}
NEGATIVE_OUTCOME_LOW = lowered(NEGATIVE_OUTCOME)
