"""A synthetic manuscript of any length: Chinese and English paragraphs of realistic sizes.

Deterministic for a seed. Chinese paragraphs of 20–400 characters (a novel's dialogue and
narration), English ones of 100–1,200, a chapter heading every ~8,000 characters, a pause
marker now and then, and an occasional very long paragraph.
"""

from __future__ import annotations

import random
import re

_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处府"
)
_CN_END = "。。。！？……"
_EN_WORDS = re.findall(
    r"\S+",
    "the of and to in a is that for it as was with be by on not he I this are or his from at "
    "which but have an they you were her she there been one all we their has would when if so "
    "no will more what up said about into than them can only other time new some could these "
    "two may first then do any like my now over such our man me even most made after also "
    "did many off before must well back through years much where your way down should because "
    "long each just state people those too how little good world very still own see men work "
    "house river morning letter garden window silence journey winter stranger captain",
)
_NAMES = ("Mr. Smith", "Dr. Watson", "Mrs. Hudson", "J. R. R. Tolkien", "St. Clair")


def chinese_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 8)):
        body = "".join(rng.choice(_HAN) for _ in range(rng.randint(6, 40)))
        if rng.random() < 0.3:
            cut = rng.randint(1, len(body) - 1)
            body = body[:cut] + "，" + body[cut:]
        sentence = body + rng.choice(_CN_END)
        if rng.random() < 0.2:
            sentence = "“" + sentence + "”"
        sentences.append(sentence)
    return "　　" + "".join(sentences)


def english_paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 10)):
        words = [rng.choice(_EN_WORDS) for _ in range(rng.randint(4, 25))]
        if rng.random() < 0.15:
            words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), f"{rng.randint(1, 99)}.{rng.randint(0, 99)}")
        if rng.random() < 0.3:
            words[rng.randrange(len(words))] += ","
        text = " ".join(words)
        sentences.append(text[0].upper() + text[1:] + rng.choice(".....?!"))
    return " ".join(sentences)


def book_text(chars: int, seed: int = 1, *, chinese_share: float = 0.5) -> str:
    """About ``chars`` characters (cut to exactly that many) of paragraphs, one per line."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    next_heading = 0
    chapter = 0
    while size < chars:
        if size >= next_heading:
            chapter += 1
            paragraph = f"第{chapter}章" if rng.random() < chinese_share else f"Chapter {chapter}"
            next_heading = size + rng.randint(4_000, 12_000)
        elif rng.random() < chinese_share:
            paragraph = chinese_paragraph(rng)
        else:
            paragraph = english_paragraph(rng)
        if rng.random() < 0.05:
            paragraph += f" <#{rng.choice(('0.5', '1', '1.5'))}#> " + english_paragraph(rng)
        if rng.random() < 0.01:  # a very long paragraph (a letter, a stream of consciousness)
            paragraph = "".join(chinese_paragraph(rng) for _ in range(40))
        parts.append(paragraph + "\n")
        size += len(paragraph) + 1
    return "".join(parts)[:chars]
