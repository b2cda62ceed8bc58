"""What a first name, an honorific or a role says of a person's gender (``f``, ``m`` or unknown)."""

from __future__ import annotations

from .words import split_tokens



FEMALE_FIRST = frozenset(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
    Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca
    Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
    Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
    Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
    Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy
    Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
    Charlotte Marie Kayla Alexis Lori Kamala Hillary Nikki Ursula Angela Theresa Liz Kristi Kristen
    Kirsten Tulsi Elise Marjorie Lauren Alexandria Ilhan Rashida Ayanna Gretchen Kathy Janet Karine
    Jen Jill Michelle Melania Ivanka Tiffany Condoleezza Madeleine Nancy Dianne Tammy Tina Lisa Susan
    Patty Amy Maggie Jeanne Gina Deb Mazie Marsha Shelley Cindy Joni Kyrsten Katie Katy Serena Venus
    Simone Coco Naomi Iga Aryna Jessica Elena Caitlin Megan Sue Mia Ava Chloe Zoe Lily Ella Nora
    Claire Rose Jane Kate Lucy Molly Priya Mariana Sofia Yulia Olga Tatiana Svetlana Irina Natalia
    Giorgia Marine Christine Annalena Kaja Roberta Mette Jacinda Theresa Rachel Yvette Priti
    Suella Kemi Penny Liz Angela Oprah Taylor Beyonce Rihanna Meryl Whitney Dolly Madonna Adele Sheryl
    Ginni Mira Safra Indra Jane Lina Janet Christine Mary Gwynne Cathie Abby Susie Kellyanne Hope
    Sheila Wendy Joanna Eva Ellen Sylvia Tanya Vanessa Stacey Stacy Kristin Kara Leah Erin Holly
    """.split()
)


MALE_FIRST = frozenset(
    """
    James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
    Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin
    Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan
    Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald
    Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan
    Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip
    Louis Joe Barack Bill Mike Mitch Chuck Ted Rand Marco Bernie Kevin Hakeem Jim Tim
    Vladimir Dmitry Sergey Sergei Volodymyr Emmanuel Olaf Boris Keir Rishi Xi Narendra Benjamin
    Recep Elon Jeff Mark Sundar Satya Warren Jamie Jerome Steve LeBron Stephen Tom Patrick Aaron
    Lionel Cristiano Novak Rafael Roger Carlos Jannik Andy Erik Pep Jurgen Mikel Harry Dan Ron Gavin
    Greg Josh Pete Jared Hunter Lindsey Ken Kash Marco JD Mohammed Muhammad Ali Ahmed
    Hassan Abdullah Omar Yusuf Ibrahim Karl Hans Friedrich Pedro Luiz Javier Emmanuel Xavier Giorgio
    Matteo Fernando Pablo Diego Luis Sam Max Ben Nick Chris Matt Alex Danny Eddie Jimmy Johnny Tony
    Ricky Bob Rob Fred Ed Ron Don Hank Joel Jon Brett Chad Kurt Lloyd Trey Troy Shawn Marcus Derek
    Darren Todd Travis Wes Kerr Jalen Kawhi Kyrie Giannis Nikola Luka Shohei Aaron Mookie Tiger Rory
    Scottie Xander Dustin Shane Brock Jayson Jaylen Klay Draymond Damian Devin Kwame Andre Maurice
    Dmitri Sergio Mateo Lewis Max Charles Lando Oscar Fernando Valtteri Sebastian Kimi Yuki Nico
    """.split()
)


_AMBIGUOUS_FIRST = frozenset("Jordan Taylor Jean Alex Sam Chris Jamie Kelly Robin Leslie Terry Dana Pat Casey Morgan".split())


_FEMALE_HINTS = frozenset(
    """mrs. ms. miss mrs ms spokeswoman chairwoman congresswoman councilwoman assemblywoman businesswoman
    actress queen princess duchess countess empress lady dame sister mother wife daughter widow
    grandmother woman girl aunt niece granddaughter girlfriend""".split()
)


_MALE_HINTS = frozenset(
    """mr. mr spokesman congressman councilman assemblyman businessman actor king prince duke
    count emperor lord sir father brother husband son widower grandfather man boy uncle nephew grandson
    boyfriend""".split()
)


_HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}


_ROLE_STOP = frozenset("whose who which that of for to".split())


def gender_of(name: str, role: str | None = None) -> str | None:
    """``f``, ``m`` or ``None`` from an honorific (``Mrs.``), a first name, or the head of a role
    (``spokeswoman``, ``wife of …``; ``whose husband …`` says nothing of the person)."""
    raw = (role or "").split()
    words = [w.strip(",.;:()").lower() for w in raw]
    for w, r in zip(words, raw):
        if w in _HONORIFIC_GENDER and r.rstrip(",;:)") != "Miss.":  # ``of Baldwin, Miss.``: Mississippi
            return _HONORIFIC_GENDER[w]
    toks = split_tokens(name)
    if len(toks) >= 2 and toks[0] not in _AMBIGUOUS_FIRST:
        if toks[0] in FEMALE_FIRST:
            return "f"
        if toks[0] in MALE_FIRST:
            return "m"
    for w in words:
        if w in _ROLE_STOP or w.endswith(("’s", "'s")):
            break
        if w in _FEMALE_HINTS:
            return "f"
        if w in _MALE_HINTS:
            return "m"
    return None
