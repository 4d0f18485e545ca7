"""Small numbers written as words, in the six languages the date reader knows ('two weeks', 'quinze
jours', 'elf Tage', 'veinte días'): how far an offset counts ('fifteen days after 22 September 1985').
Compounds ('twenty-one', 'vingt et un') are not read: an offset with one is not counted."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {}
for _number, _words in {
    1: "a an one un une uno una um uma ein eine einen einem",
    2: "two deux dos due dois duas zwei",
    3: "three trois tres tre três drei",
    4: "four quatre cuatro quattro quatro vier",
    5: "five cinq cinco cinque fünf funf",
    6: "six seis sei sechs",
    7: "seven sept siete sette sete sieben",
    8: "eight huit ocho otto oito acht",
    9: "nine neuf nueve nove neun",
    10: "ten dix diez dieci dez zehn",
    11: "eleven onze once undici elf",
    12: "twelve douze doce dodici doze zwölf zwolf",
    13: "thirteen treize trece tredici treze dreizehn",
    14: "fourteen quatorze catorce quattordici catorze vierzehn",
    15: "fifteen quinze quince quindici fünfzehn funfzehn",
    16: "sixteen seize dieciséis dieciseis sedici dezesseis dezasseis sechzehn",
    17: "seventeen dix-sept diecisiete diciassette dezessete dezassete siebzehn",
    18: "eighteen dix-huit dieciocho diciotto dezoito achtzehn",
    19: "nineteen dix-neuf diecinueve diciannove dezenove dezanove neunzehn",
    20: "twenty vingt veinte venti vinte zwanzig",
    30: "thirty trente treinta trenta trinta dreißig dreissig",
    40: "forty quarante cuarenta quaranta quarenta vierzig",
    50: "fifty cinquante cincuenta cinquanta cinquenta fünfzig funfzig",
    60: "sixty soixante sesenta sessanta sessenta sechzig",
    100: "hundred cent cien cento cem hundert",
}.items():
    NUMBER_WORDS.update(dict.fromkeys(_words.split(), _number))

# Words before a unit that say it is more than one but not how many ('a few days after', 'several weeks
# before', 'quelques jours après'), or that leave it unsaid ('the days after', 'weeks after'): a bound
_VAGUE = """few several some many couple of the les los las die den i le os as quelques plusieurs einige einigen
mehrere mehreren wenige wenigen algunos algunas varios varias pocos pocas alcuni alcune diversi diverse pochi poche
alguns algumas vários várias poucos poucas"""
VAGUE_AMOUNTS = frozenset(_VAGUE.split())

# Ordinals, for anniversaries ('the first anniversary of', 'el décimo aniversario del', 'le premier anniversaire')
ORDINALS: dict[str, int] = {}
for _number, _words in {
    1: "first premier première primer primero primera erster ersten erste primo prima primeiro",
    2: "second deuxième seconde segundo segunda zweiter zweiten zweite secondo seconda",
    3: "third troisième tercer tercero tercera dritter dritten dritte terzo terza terceiro",
    4: "fourth quatrième cuarto cuarta vierter vierten vierte quarto quarta",
    5: "fifth cinquième quinto quinta fünfter fünften fünfte",
    10: "tenth dixième décimo décima zehnter zehnten zehnte decimo decima",
    20: "twentieth vingtième vigésimo zwanzigster zwanzigsten ventesimo",
    25: "twenty-fifth vingt-cinquième",
    50: "fiftieth cinquantième quincuagésimo fünfzigster fünfzigsten cinquantesimo",
    100: "hundredth centième centésimo hundertster hundertsten centesimo",
}.items():
    ORDINALS.update(dict.fromkeys(_words.split(), _number))
