"""Function words: the words that never carry a passage's content (folded).

Kept apart from ``lexicon`` so that reading and segmenting, which need only
these lists, do not import the dictionaries behind lemmas (about 0.3 s).
"""

from __future__ import annotations

# Function words (folded). Kept short on purpose: corpus document frequencies
# already weigh down common content words; these are the ones that never help.
_GERMAN_STOPWORDS = (
    "aber alle allem allen aller allerdings alles als also am an andere anderen anderer "
    "anderes auch auf aus ausserdem bei beim bereits bin bis bisher bislang bist da "
    "dabei dafur dagegen daher damals damit danach dann daran darauf darin daruber darum "
    "darunter das dass davon davor dazu dein deine dem demnach den denen denn dennoch "
    "der deren derzeit des deshalb dessen deswegen dich die dies diese diesem diesen "
    "dieser dieses dir doch dort du durch eben ebenfalls ebenso eigentlich ein eine "
    "einem einen einer eines einfach einige einigen einiger einmal er erneut es etwa "
    "etwas euch euer fur ganz gar gegen genau gerade gewesen gleichzeitig hab habe haben "
    "hat hatte hatten heute hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer "
    "ihres im immer in ins inzwischen ist ja jede jedem jeden jeder jedes jedoch jene "
    "jenem jenen jener jenes jetzt kann kaum kein keine konnen konnte laut mal man "
    "manchmal mehr mein meine meist mich mir mit mittlerweile muss nach naturlich nicht "
    "nichts nie noch nun nur ob oder oft ohne ohnehin rund schliesslich schon sehr sei "
    "seien sein seine seinem seinen seiner seines seitdem seither selbst sich sie sind "
    "so sodass sogar solche solchen solcher solches soll sollen sollte sondern sonst "
    "sowie sowieso sowohl spater stets trotzdem uber uberhaupt um und uns unser unter "
    "viel viele vielen vielleicht vom von vor wahrend war waren warum was wegen weil "
    "weiterhin welche welchem welchen welcher welches wem wen wenn wer werde werden wie "
    "wieder wiederum will wir wird wo wobei wohl womit wonach worauf worden wovon wurde "
    "wurden zu zudem zufolge zugleich zuletzt zum zunachst zur zuvor zwar zwischen "
)
_ENGLISH_STOPWORDS = (
    "a about above after again against all also am an and any are as at be because been "
    "before being below between both but by can could did do does doing down during each "
    "even ever every few for from further had has have having he her here hers herself "
    "him himself his how i if in into is it its itself just many me more most much my "
    "myself never no nor not now of off often on once only or other our ours ourselves "
    "out over own quite rather really said same says she should since so some still such "
    "than that the their theirs them themselves then there these they this those though "
    "through thus to too under until up very was we well were what whatever when where "
    "whether which while who whom why will with would yet you your yours yourself "
    "yourselves "
)
STOPWORDS: dict[str, frozenset[str]] = {
    "de": frozenset(_GERMAN_STOPWORDS.split()),
    "en": frozenset(_ENGLISH_STOPWORDS.split()),
}
