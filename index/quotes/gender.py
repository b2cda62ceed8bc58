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
    Alicia Allison Alyssa Angie Anita Annie Arlene Audrey Becky Bernadette Beth Bethany Betsy Bonnie
    Brandy Bridget Brooke Camila Candace Carla Carmen Carrie Cassandra Cecilia Claudia Colleen Connie
    Courtney Daisy Darlene Debbie Delores Dolores Dora Edith Eileen Elaine Eleanor Ellie Elsa Erica
    Erika Esther Ethel Faye Felicia Fiona Gail Gayle Geraldine Gertrude Gladys Gwen Gwendolyn Harriet
    Hazel Heidi Hilda Irene Isabel Isabelle Jackie Jana Janelle Janie Jasmine Jeanette Jeannie Jenna
    Jenny Joann Joanne Jocelyn Jodi Johanna Josephine Juanita Julia Juliana Julianne Juliet Kaitlyn
    Karla Katelyn Katrina Kendra Kristina Kristine Krystal Lana Laurie Leila Lena Leticia Lillian
    Lindsay Lois Loretta Lorraine Louise Lucia Lucille Luisa Lydia Lynn Lynne Mandy Marcia Margarita
    Marguerite Marian Marianne Marion Marisa Marissa Marlene Martina Maureen Maxine Melanie Melinda
    Meredith Michaela Mildred Miranda Miriam Mona Monica Monique Nadia Natasha Nellie Nina Noelle Norma
    Paige Paula Paulette Pauline Peggy Phyllis Polly Priscilla Rachael Ramona Raquel Renee Rhonda Rita
    Robyn Rosa Rosalind Rosemary Roxanne Sabrina Sally Salma Selena Shannon Sherry Sonia Sonya Sophie
    Stella Susanna Suzanne Tamara Tara Teri Terri Thelma Tracy Tricia Trisha Valerie Vera Veronica
    Vicki Vicky Viola Violet Wanda Yolanda Yvonne Nadine Ingrid Greta Astrid Gabrielle Gabriela Bella
    Vivian Lorna Agnes Beatrice Clara Cora Doreen Fatima Aisha Ayesha Yasmin Mariam Maryam Huma Donna
    Jan June April Heidi Carly Marcy Bernice Lucinda Hattie Minnie Myrtle Opal Irma Eunice Marsha Bettina Francesca
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
    Abraham Adrian Alfred Allen Alvin Angelo Antonio Armando Arnold Barry Bennie Bernard Bert Bradley
    Brad Brent Bryce Byron Calvin Cameron Cecil Cesar Chester Clarence Claude Clayton Clifford Clifton
    Clyde Cody Colin Conrad Corey Cory Craig Curtis Dale Dalton Darrell Darryl Dave Delbert Desmond
    Dewey Dick Dominic Donnie Doug Duane Dwayne Dwight Earl Edgar Edwin Elliot Elliott Elmer Emil
    Enrique Ernest Ernie Esteban Everett Felix Floyd Francisco Franklin Freddie Frederick Garrett Gene
    Geoffrey Gilbert Glen Glenn Gordon Grady Gus Hal Herbert Herman Homer Horace Howard Hugh Hugo Ian
    Irving Isaac Ivan Jacques Jake Jamal Jay Jimmie Joaquin Joey Johnnie Jorge Julian Julio Julius
    Kelvin Kenny Kent Kirk Lamar Lance Leo Leon Leonard Leroy Lester Lonnie Lorenzo Lou Lucas Luke
    Luther Lyle Malcolm Manuel Marc Mario Martin Marvin Mathew Mel Melvin Miguel Miles Milton Mitchell
    Morris Myron Neil Norman Oliver Otis Owen Perry Phil Phillip Preston Quentin Ramon Randall Randolph
    Raul Ray Reggie Reginald Rene Reuben Rex Ricardo Rick Robby Rodney Rodolfo Roland Ronnie Ross
    Rudolph Rudy Rufus Russ Salvador Sammy Saul Seth Sidney Simon Stanley Stuart Sylvester Terrence
    Terrell Theodore Tommy Trevor Tyrone Vernon Victor Virgil Wade Wallace Wendell Wesley Wilbur
    Winston Dean Reince Newt Mitt Jeb Rahm Beau Mick Rod Stan Lyndon Woodrow Ulysses Francois François
    Nicolas Wolfgang Heinz Helmut Gerhard Viktor Igor Alexei Alexey Mikhail Nikolai Yuri Andrei Pavel
    Bashar Hosni Mahmoud Hamid Hussein Khalid Tariq Shinzo Rodrigo Andres Felipe Mauricio Evo Jair
    Cyril Ahmet Yair Naftali Ehud Shimon Yitzhak Ismail Nigel Clive Rupert Alastair Angus Hamish
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


GENDERED_PERSON_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        "woman girl mother wife daughter widow grandmother sister aunt niece actress businesswoman congresswoman".split(), "f"
    ),
    **dict.fromkeys("man boy father husband son widower grandfather brother uncle nephew actor businessman congressman".split(), "m"),
}
"""Nouns for one person that say the gender (``a woman``, ``one father``): what an unnamed subject
tells a later ``he`` or ``she``."""

