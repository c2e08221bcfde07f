"""Synthetic foreign-policy commentary for benchmarks.

`python benchmarks/synth.py N OUT_DIR [--seed S] [--words W]` writes N plain-text documents in
the header style of the bundled corpus (publisher, title, `Date ... Writer ...`, optional
`[Series] No.` line, byline) with bodies built from templates over pools of states,
officials, institutions and issues, voicing all twenty stance kinds in many wordings
(reporting verbs, quotes, passives, lists of actors, negations, hypotheticals, the author's
own recommendations) among neutral narration.

Everything is decided by a random generator seeded from (seed, document index), so document i
is the same whatever N is, and the recurring cast (each state's ministers per two-year term,
each publisher's writers) depends on the seed alone. Only the standard library is used, and
every person's name is invented from syllable pools: no statement is put in a real person's
mouth, and the corpus has thousands of actors that no registry knows.

Other benchmarks import `generate(n, seed, words)`, which yields (file name, text) pairs.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Pools
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # each state is one object; identity is equality
class State:
    name: str  # as used mid-sentence, with its article: "the United States"
    capital: str
    adj: str  # demonym adjective: "South Korean"
    style: str  # how its people's names are made (see NAME_MAKERS)
    leader: str = "President"
    aliases: tuple[str, ...] = ()
    weight: int = 1  # how often it appears; the peninsula and great powers dominate


def _s(name: str, capital: str, adj: str, style: str, leader: str = "President",
       aliases: tuple[str, ...] = (), weight: int = 1) -> State:
    return State(name, capital, adj, style, leader, aliases, weight)


PM, CH, KING, EMIR = "Prime Minister", "Chancellor", "King", "Emir"

STATES: tuple[State, ...] = (
    _s("North Korea", "Pyongyang", "North Korean", "korean", "leader", ("the DPRK",), 12),
    _s("South Korea", "Seoul", "South Korean", "korean", "President", ("the ROK",), 12),
    _s("the United States", "Washington", "American", "western", "President", ("the US",), 12),
    _s("China", "Beijing", "Chinese", "chinese", "President", (), 10),
    _s("Japan", "Tokyo", "Japanese", "japanese", PM, (), 10),
    _s("Russia", "Moscow", "Russian", "slavic", "President", (), 8),
    _s("the United Kingdom", "London", "British", "western", PM, ("Britain",), 3),
    _s("France", "Paris", "French", "western", "President", (), 3),
    _s("Germany", "Berlin", "German", "western", CH, (), 3),
    _s("Italy", "Rome", "Italian", "western", PM, (), 1),
    _s("Canada", "Ottawa", "Canadian", "western", PM, (), 1),
    _s("Australia", "Canberra", "Australian", "western", PM, (), 2),
    _s("New Zealand", "Wellington", "New Zealand", "western", PM, (), 1),
    _s("the Netherlands", "Amsterdam", "Dutch", "western", PM, (), 1),
    _s("Belgium", "Brussels", "Belgian", "western", PM, (), 1),
    _s("Sweden", "Stockholm", "Swedish", "western", PM, (), 1),
    _s("Norway", "Oslo", "Norwegian", "western", PM, (), 1),
    _s("Denmark", "Copenhagen", "Danish", "western", PM, (), 1),
    _s("Finland", "Helsinki", "Finnish", "western", "President", (), 1),
    _s("Ireland", "Dublin", "Irish", "western", PM, (), 1),
    _s("Austria", "Vienna", "Austrian", "western", CH, (), 1),
    _s("Switzerland", "Bern", "Swiss", "western", "President", (), 1),
    _s("Greece", "Athens", "Greek", "western", PM, (), 1),
    _s("Hungary", "Budapest", "Hungarian", "western", PM, (), 1),
    _s("Romania", "Bucharest", "Romanian", "western", "President", (), 1),
    _s("Estonia", "Tallinn", "Estonian", "western", PM, (), 1),
    _s("Latvia", "Riga", "Latvian", "western", PM, (), 1),
    _s("Lithuania", "Vilnius", "Lithuanian", "western", "President", (), 1),
    _s("Iceland", "Reykjavík", "Icelandic", "western", PM, (), 1),
    _s("Poland", "Warsaw", "Polish", "slavic", "President", (), 2),
    _s("Ukraine", "Kyiv", "Ukrainian", "slavic", "President", (), 4),
    _s("Belarus", "Minsk", "Belarusian", "slavic", "President", (), 1),
    _s("the Czech Republic", "Prague", "Czech", "slavic", PM, (), 1),
    _s("Slovakia", "Bratislava", "Slovak", "slavic", PM, (), 1),
    _s("Serbia", "Belgrade", "Serbian", "slavic", "President", (), 1),
    _s("Croatia", "Zagreb", "Croatian", "slavic", PM, (), 1),
    _s("Bulgaria", "Sofia", "Bulgarian", "slavic", PM, (), 1),
    _s("Georgia", "Tbilisi", "Georgian", "slavic", PM, (), 1),
    _s("Armenia", "Yerevan", "Armenian", "slavic", PM, (), 1),
    _s("Spain", "Madrid", "Spanish", "hispanic", PM, (), 1),
    _s("Portugal", "Lisbon", "Portuguese", "hispanic", PM, (), 1),
    _s("Mexico", "Mexico City", "Mexican", "hispanic", "President", (), 1),
    _s("Brazil", "Brasília", "Brazilian", "hispanic", "President", (), 2),
    _s("Argentina", "Buenos Aires", "Argentine", "hispanic", "President", (), 1),
    _s("Chile", "Santiago", "Chilean", "hispanic", "President", (), 1),
    _s("Colombia", "Bogotá", "Colombian", "hispanic", "President", (), 1),
    _s("Peru", "Lima", "Peruvian", "hispanic", "President", (), 1),
    _s("Venezuela", "Caracas", "Venezuelan", "hispanic", "President", (), 1),
    _s("Cuba", "Havana", "Cuban", "hispanic", "President", (), 1),
    _s("Uruguay", "Montevideo", "Uruguayan", "hispanic", "President", (), 1),
    _s("Ecuador", "Quito", "Ecuadorian", "hispanic", "President", (), 1),
    _s("Panama", "Panama City", "Panamanian", "hispanic", "President", (), 1),
    _s("the Philippines", "Manila", "Philippine", "hispanic", "President", (), 2),
    _s("Türkiye", "Ankara", "Turkish", "turkic", "President", ("Turkey",), 2),
    _s("Kazakhstan", "Astana", "Kazakh", "turkic", "President", (), 1),
    _s("Uzbekistan", "Tashkent", "Uzbek", "turkic", "President", (), 1),
    _s("Azerbaijan", "Baku", "Azerbaijani", "turkic", "President", (), 1),
    _s("Kyrgyzstan", "Bishkek", "Kyrgyz", "turkic", "President", (), 1),
    _s("Turkmenistan", "Ashgabat", "Turkmen", "turkic", "President", (), 1),
    _s("Iran", "Tehran", "Iranian", "arabic", "President", (), 4),
    _s("Saudi Arabia", "Riyadh", "Saudi", "arabic", KING, (), 2),
    _s("Egypt", "Cairo", "Egyptian", "arabic", "President", (), 1),
    _s("Iraq", "Baghdad", "Iraqi", "arabic", PM, (), 1),
    _s("Syria", "Damascus", "Syrian", "arabic", "President", (), 1),
    _s("Jordan", "Amman", "Jordanian", "arabic", KING, (), 1),
    _s("the United Arab Emirates", "Abu Dhabi", "Emirati", "arabic", "President",
       ("the UAE",), 1),
    _s("Qatar", "Doha", "Qatari", "arabic", EMIR, (), 1),
    _s("Kuwait", "Kuwait City", "Kuwaiti", "arabic", EMIR, (), 1),
    _s("Oman", "Muscat", "Omani", "arabic", "Sultan", (), 1),
    _s("Lebanon", "Beirut", "Lebanese", "arabic", PM, (), 1),
    _s("Algeria", "Algiers", "Algerian", "arabic", "President", (), 1),
    _s("Morocco", "Rabat", "Moroccan", "arabic", KING, (), 1),
    _s("Tunisia", "Tunis", "Tunisian", "arabic", "President", (), 1),
    _s("Libya", "Tripoli", "Libyan", "arabic", PM, (), 1),
    _s("Sudan", "Khartoum", "Sudanese", "arabic", "President", (), 1),
    _s("Pakistan", "Islamabad", "Pakistani", "south_asian", PM, (), 2),
    _s("Afghanistan", "Kabul", "Afghan", "south_asian", "leader", (), 1),
    _s("India", "New Delhi", "Indian", "south_asian", PM, (), 4),
    _s("Bangladesh", "Dhaka", "Bangladeshi", "south_asian", PM, (), 1),
    _s("Sri Lanka", "Colombo", "Sri Lankan", "south_asian", "President", (), 1),
    _s("Nepal", "Kathmandu", "Nepali", "south_asian", PM, (), 1),
    _s("Vietnam", "Hanoi", "Vietnamese", "vietnamese", "President", (), 2),
    _s("Singapore", "Singapore", "Singaporean", "chinese", PM, (), 1),
    _s("Mongolia", "Ulaanbaatar", "Mongolian", "syllabic", "President", (), 1),
    _s("Indonesia", "Jakarta", "Indonesian", "syllabic", "President", (), 2),
    _s("Malaysia", "Kuala Lumpur", "Malaysian", "syllabic", PM, (), 1),
    _s("Thailand", "Bangkok", "Thai", "syllabic", PM, (), 1),
    _s("Myanmar", "Naypyidaw", "Myanmar", "syllabic", "leader", (), 1),
    _s("Cambodia", "Phnom Penh", "Cambodian", "syllabic", PM, (), 1),
    _s("Laos", "Vientiane", "Lao", "syllabic", PM, (), 1),
    _s("Fiji", "Suva", "Fijian", "syllabic", PM, (), 1),
    _s("Nigeria", "Abuja", "Nigerian", "african", "President", (), 1),
    _s("Kenya", "Nairobi", "Kenyan", "african", "President", (), 1),
    _s("Ethiopia", "Addis Ababa", "Ethiopian", "african", PM, (), 1),
    _s("South Africa", "Pretoria", "South African", "african", "President", (), 1),
    _s("Ghana", "Accra", "Ghanaian", "african", "President", (), 1),
    _s("Senegal", "Dakar", "Senegalese", "african", "President", (), 1),
    _s("Tanzania", "Dodoma", "Tanzanian", "african", "President", (), 1),
    _s("Uganda", "Kampala", "Ugandan", "african", "President", (), 1),
    _s("Rwanda", "Kigali", "Rwandan", "african", "President", (), 1),
    _s("Angola", "Luanda", "Angolan", "african", "President", (), 1),
    _s("Mali", "Bamako", "Malian", "african", "President", (), 1),
    _s("Zimbabwe", "Harare", "Zimbabwean", "african", "President", (), 1),
    _s("Mozambique", "Maputo", "Mozambican", "african", "President", (), 1),
    _s("the Democratic Republic of the Congo", "Kinshasa", "Congolese", "african",
       "President", ("the DRC",), 1),
)

# (full name, short name, title of its head or "")
INSTITUTIONS: tuple[tuple[str, str, str], ...] = (
    ("the UN Security Council", "the Security Council", ""),
    ("the United Nations", "the UN", "UN Secretary-General"),
    ("the UN General Assembly", "the General Assembly", "General Assembly President"),
    ("the International Atomic Energy Agency", "the IAEA", "IAEA Director General"),
    ("the Group of Seven", "the G7", ""),
    ("the G20", "the G20", ""),
    ("NATO", "NATO", "NATO Secretary General"),
    ("the European Union", "the EU", "EU foreign policy chief"),
    ("the Association of Southeast Asian Nations", "ASEAN", "ASEAN Secretary-General"),
    ("the African Union", "the AU", "African Union Commission Chairperson"),
    ("the World Trade Organization", "the WTO", "WTO Director-General"),
    ("the Organization for Security and Co-operation in Europe", "the OSCE",
     "OSCE Secretary General"),
    ("the Shanghai Cooperation Organisation", "the SCO", "SCO Secretary-General"),
    ("the International Criminal Court", "the ICC", "ICC Prosecutor"),
    ("the UN Human Rights Council", "the Human Rights Council", "UN human rights chief"),
    ("the World Health Organization", "the WHO", "WHO Director-General"),
    ("the International Monetary Fund", "the IMF", "IMF Managing Director"),
    ("the Organisation for the Prohibition of Chemical Weapons", "the OPCW",
     "OPCW Director-General"),
    ("the Arab League", "the Arab League", "Arab League Secretary-General"),
    ("the Quad", "the Quad", ""),
)

# Ministries are named after their state: "the South Korean Foreign Ministry".
MINISTRIES = ("Foreign Ministry", "Defense Ministry", "Ministry of Foreign Affairs",
              "Ministry of National Defense", "Trade Ministry")

# --------------------------------------------------------------------------------------------
# Names of people
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    full: str
    short: str  # how later mentions name them: the family name
    female: bool

    @property
    def pron(self) -> str:
        return "she" if self.female else "he"

    @property
    def poss(self) -> str:
        return "her" if self.female else "his"


_KO_FAMILY = ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
              "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon",
              "Ko", "Moon", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Noh", "Ha", "Kwak",
              "Sung", "Cha", "Joo", "Woo", "Min", "Ryu", "Na", "Jin", "Eom", "Chae", "Won",
              "Cheon", "Bang", "Gong", "Hyun", "Pyo", "Ryu", "Tak")
_KO_SYL = ("jin", "woo", "min", "seo", "hyun", "ji", "young", "sung", "jae", "hee", "soo",
           "eun", "ho", "yeon", "joon", "kyung", "hye", "dong", "won", "sang", "chul", "mi",
           "na", "ha", "bin", "hoon", "gyu", "tae", "il", "seok", "yong", "jung", "ah", "ran",
           "kyu", "won", "seung", "hwan", "myung", "su", "bo", "yun", "da", "in", "chan")
_JA_FAMILY_A = ("Yama", "Naka", "Tana", "Mori", "Ishi", "Kawa", "Fuji", "Matsu", "Haya",
                "Saka", "Taka", "Kita", "Mizu", "Hoshi", "Kuro", "Shira", "Oka", "Ueda",
                "Ichi", "Sugi", "Hira", "Maru", "Aoki", "Kiku")
_JA_FAMILY_B = ("moto", "da", "mura", "kawa", "shita", "saki", "no", "uchi", "hara", "yama",
                "zawa", "oka", "hashi", "gawa", "kubo", "ta", "sato", "naga")
_JA_GIVEN_M = ("Hiro", "Taka", "Kazu", "Masa", "Yoshi", "Nobu", "Toshi", "Shin", "Ken",
               "Tetsu", "Yasu", "Haru", "Aki", "Fumi", "Tomo", "Kei")
_JA_END_M = ("shi", "o", "ya", "hiko", "ki", "ta", "nori", "yuki", "suke", "to")
_JA_GIVEN_F = ("Yu", "Mi", "Sa", "Ha", "Na", "Ai", "Chi", "E", "Ma", "Aya", "Yo", "Rie",
               "Ka", "Ri", "No", "Mo")
_JA_END_F = ("ko", "ka", "mi", "na", "e", "ri", "yo", "ho", "sa", "ki")
_ZH_FAMILY = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
              "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng",
              "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng", "Zeng",
              "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng",
              "Wei", "Su", "Lu", "Ding", "Shen", "Qin")
_ZH_SYL = ("wei", "jian", "guo", "ming", "hua", "ping", "yi", "hong", "jun", "li", "xiao",
           "lan", "mei", "qiang", "dong", "feng", "yan", "ling", "zhi", "hai", "bo", "tao",
           "xin", "yu", "chen", "rong", "kang", "jie", "ning", "shan", "wen", "qing", "lei",
           "fang", "ying", "zhen", "song", "hui", "xue", "an")
_VI_FAMILY = ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho",
              "Ngo", "Duong", "Ly", "Truong", "Dinh")
_VI_GIVEN = ("Minh", "Anh", "Hung", "Lan", "Thanh", "Tuan", "Hoa", "Dung", "Phuong", "Quang",
             "Huong", "Long", "Mai", "Son", "Trang", "Khanh", "Binh", "Thao", "Nam", "Linh")
_W_GIVEN_M = ("James", "John", "Robert", "Michael", "David", "Thomas", "Daniel", "Mark",
              "Paul", "Peter", "Andrew", "Richard", "Stephen", "Matthew", "Jonathan", "Henrik",
              "Lars", "Jan", "Pieter", "Luca", "Marco", "François", "Pierre", "Jean-Luc",
              "Klaus", "Stefan", "Jürgen", "Niall", "Sean", "Oliver", "Edward", "Anders",
              "Mikael", "Gábor", "Andrei", "Nikos", "Tobias", "Felix", "Simon", "Graham")
_W_GIVEN_F = ("Mary", "Elizabeth", "Sarah", "Anne", "Catherine", "Emma", "Laura", "Claire",
              "Helen", "Rachel", "Julia", "Sophie", "Ingrid", "Astrid", "Marta", "Elena",
              "Chiara", "Giulia", "Hélène", "Amélie", "Brigitte", "Annalena", "Ursula",
              "Siobhan", "Fiona", "Margaret", "Kristina", "Liisa", "Katrín", "Ewa", "Ana",
              "Charlotte", "Victoria", "Alice", "Rebecca", "Natalie", "Hanna", "Eva", "Lena",
              "Nora")
_W_FAMILY_A = ("Ash", "Brad", "Carl", "Dal", "Har", "Kel", "Mor", "Ran", "Stan", "Whit",
               "Bren", "Cal", "Fair", "Gold", "Hol", "Lang", "Mid", "North", "Pem", "Roth",
               "Stein", "Wald", "Berg", "Lind", "Brook", "Hart", "Win", "Mar", "Sal", "Dun")
_W_FAMILY_B = ("ford", "ley", "ton", "wick", "field", "son", "more", "well", "man", "er",
               "berg", "strom", "mann", "ridge", "worth", "lund", "hardt", "bury", "ing",
               "ström", "ner", "by", "den", "ham")
_SL_GIVEN_M = ("Sergei", "Dmitry", "Alexei", "Ivan", "Mikhail", "Nikolai", "Pavel", "Oleg",
               "Andriy", "Taras", "Piotr", "Tomasz", "Milan", "Dragan", "Vladimir", "Yuri",
               "Bogdan", "Viktor", "Konstantin", "Grigor")
_SL_GIVEN_F = ("Olga", "Natalia", "Irina", "Svetlana", "Yulia", "Oksana", "Anna", "Maria",
               "Katarzyna", "Agnieszka", "Zuzana", "Jelena", "Tatiana", "Daria", "Ludmila",
               "Vesna", "Kateryna", "Marina", "Alina", "Nino")
_SL_ROOT = ("Ivan", "Petr", "Sokol", "Volk", "Kuzn", "Lebed", "Orl", "Mor", "Zaitz", "Kovalen",
            "Shevch", "Bond", "Nowak", "Wisn", "Dvor", "Horv", "Mark", "Bel", "Grom", "Zhuk",
            "Kozl", "Rybak", "Savch", "Tkach")
_SL_END_M = ("ov", "ev", "in", "enko", "ski", "ovich", "uk", "ak")
_SL_END_F = ("ova", "eva", "ina", "enko", "ska", "ovna", "uk", "akova")
_HI_GIVEN_M = ("José", "Juan", "Carlos", "Luis", "Miguel", "Alejandro", "Diego", "Andrés",
               "Fernando", "João", "Rafael", "Gustavo", "Enrique", "Ricardo", "Sergio",
               "Tomás", "Joaquín", "Paulo", "Eduardo", "Mateo")
_HI_GIVEN_F = ("María", "Ana", "Lucía", "Carmen", "Isabel", "Gabriela", "Sofía", "Valentina",
               "Camila", "Beatriz", "Mariana", "Paula", "Teresa", "Rosa", "Inés", "Daniela",
               "Fernanda", "Luisa", "Marta", "Claudia")
_HI_FAMILY = ("García", "Rodríguez", "Martínez", "López", "González", "Pérez", "Sánchez",
              "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Morales",
              "Castro", "Ortiz", "Silva", "Santos", "Oliveira", "Mendoza", "Herrera", "Vargas",
              "Romero", "Navarro", "Aguilar", "Medina", "Cruz", "Ferreira", "Almeida")
_AR_GIVEN_M = ("Mohammed", "Ahmed", "Ali", "Hassan", "Hussein", "Omar", "Khalid", "Youssef",
               "Ibrahim", "Abdullah", "Faisal", "Tariq", "Karim", "Samir", "Javad", "Reza",
               "Majid", "Nabil", "Walid", "Saeed")
_AR_GIVEN_F = ("Fatima", "Aisha", "Mariam", "Layla", "Noura", "Huda", "Rania", "Salma",
               "Yasmin", "Zainab", "Leila", "Dina", "Samira", "Amal", "Hanan", "Nadia",
               "Shirin", "Maryam", "Reem", "Lina")
_AR_ROOT = ("Rashid", "Hashimi", "Masri", "Sabah", "Otaibi", "Khatib", "Najjar", "Haddad",
            "Saleh", "Mansour", "Qasimi", "Shammari", "Zahrani", "Farsi", "Tamimi", "Amiri",
            "Hakim", "Jaber", "Nasser", "Kazemi", "Sadeghi", "Rahimi", "Bakr", "Darwish")
_TU_GIVEN_M = ("Mehmet", "Ahmet", "Mustafa", "Emre", "Murat", "Hakan", "Nursultan", "Serik",
               "Bakhtiyor", "Rustam", "Ilham", "Kanat", "Oğuz", "Yusuf", "Timur")
_TU_GIVEN_F = ("Ayşe", "Elif", "Zeynep", "Fatma", "Aigerim", "Dilnoza", "Gulnara", "Leyla",
               "Aslı", "Merve", "Madina", "Saule", "Nilufar", "Ebru", "Selin")
_TU_FAMILY = ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
              "Doğan", "Kılıç", "Nazarbekov", "Tokayev", "Karimova", "Aliyev", "Mammadov",
              "Yusupov", "Sultanov", "Ermekov", "Abdullayev", "Polat")
_SA_GIVEN_M = ("Rajesh", "Amit", "Sanjay", "Vikram", "Arjun", "Rahul", "Imran", "Farhan",
               "Anil", "Suresh", "Ravi", "Kamal", "Nadeem", "Sunil", "Prakash")
_SA_GIVEN_F = ("Priya", "Anjali", "Sunita", "Kavita", "Meera", "Ayesha", "Shreya", "Nandini",
               "Farzana", "Lakshmi", "Pooja", "Radhika", "Sadia", "Deepa", "Nisha")
_SA_FAMILY = ("Sharma", "Patel", "Singh", "Gupta", "Khan", "Reddy", "Iyer", "Menon", "Chaudhry",
              "Qureshi", "Rahman", "Hossain", "Perera", "Fernando", "Koirala", "Thapa", "Joshi",
              "Rao", "Nair", "Malik", "Bhatt", "Das", "Mehta", "Kapoor")
_AF_GIVEN_M = ("Chinedu", "Oluwaseun", "Kwame", "Kofi", "Abebe", "Tesfaye", "Jomo", "Baraka",
               "Thabo", "Sipho", "Moussa", "Amadou", "Emeka", "Yaw", "Juma")
_AF_GIVEN_F = ("Ngozi", "Amina", "Abena", "Akosua", "Wanjiru", "Nomvula", "Thandiwe",
               "Fatou", "Aminata", "Chiamaka", "Makena", "Zawadi", "Lindiwe", "Adaeze", "Hiwot")
_AF_FAMILY = ("Okonkwo", "Adeyemi", "Mensah", "Owusu", "Kenyatta", "Odhiambo", "Mwangi",
              "Bekele", "Haile", "Ndlovu", "Dlamini", "Diallo", "Traoré", "Keita", "Mutasa",
              "Banda", "Kagame", "Nkosi", "Okafor", "Asante", "Kamau", "Tshabalala")
_SY_ONSET = ("b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng",
             "s", "b", "ch", "")
_SY_VOWEL = ("a", "i", "u", "e", "o", "a", "ai", "ou")


def _pick(rng: random.Random, pool: Sequence[str]) -> str:
    return pool[int(rng.random() * len(pool))]


def _korean(rng: random.Random, female: bool) -> Person:
    family = _pick(rng, _KO_FAMILY)
    given = _pick(rng, _KO_SYL).capitalize() + "-" + _pick(rng, _KO_SYL)
    return Person(f"{family} {given}", family, female)


def _chinese(rng: random.Random, female: bool) -> Person:
    family = _pick(rng, _ZH_FAMILY)
    given = _pick(rng, _ZH_SYL)
    if rng.random() < 0.7:
        given += _pick(rng, _ZH_SYL)
    return Person(f"{family} {given.capitalize()}", family, female)


def _japanese(rng: random.Random, female: bool) -> Person:
    family = _pick(rng, _JA_FAMILY_A) + _pick(rng, _JA_FAMILY_B)
    if female:
        given = _pick(rng, _JA_GIVEN_F) + _pick(rng, _JA_END_F)
    else:
        given = _pick(rng, _JA_GIVEN_M) + _pick(rng, _JA_END_M)
    return Person(f"{given} {family}", family, female)


def _vietnamese(rng: random.Random, female: bool) -> Person:
    family = _pick(rng, _VI_FAMILY)
    middle = "Thi" if female else "Van"
    return Person(f"{family} {middle} {_pick(rng, _VI_GIVEN)}", family, female)


def _western(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _W_GIVEN_F if female else _W_GIVEN_M)
    family = _pick(rng, _W_FAMILY_A) + _pick(rng, _W_FAMILY_B)
    return Person(f"{given} {family}", family, female)


def _slavic(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _SL_GIVEN_F if female else _SL_GIVEN_M)
    family = _pick(rng, _SL_ROOT) + _pick(rng, _SL_END_F if female else _SL_END_M)
    return Person(f"{given} {family}", family, female)


def _hispanic(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _HI_GIVEN_F if female else _HI_GIVEN_M)
    family = _pick(rng, _HI_FAMILY)
    full = f"{given} {family}"
    if rng.random() < 0.5:
        full += " " + _pick(rng, _HI_FAMILY)
    return Person(full, family, female)


def _arabic(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _AR_GIVEN_F if female else _AR_GIVEN_M)
    root = _pick(rng, _AR_ROOT)
    family = f"al-{root}" if rng.random() < 0.6 else root
    return Person(f"{given} {family}", family, female)


def _turkic(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _TU_GIVEN_F if female else _TU_GIVEN_M)
    family = _pick(rng, _TU_FAMILY)
    return Person(f"{given} {family}", family, female)


def _south_asian(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _SA_GIVEN_F if female else _SA_GIVEN_M)
    family = _pick(rng, _SA_FAMILY)
    return Person(f"{given} {family}", family, female)


def _african(rng: random.Random, female: bool) -> Person:
    given = _pick(rng, _AF_GIVEN_F if female else _AF_GIVEN_M)
    family = _pick(rng, _AF_FAMILY)
    return Person(f"{given} {family}", family, female)


def _syllabic_word(rng: random.Random, syllables: int) -> str:
    word = "".join(_pick(rng, _SY_ONSET) + _pick(rng, _SY_VOWEL) for _ in range(syllables))
    if rng.random() < 0.5:
        word += _pick(rng, ("n", "t", "ng", "r", "s"))
    return word.capitalize()


def _syllabic(rng: random.Random, female: bool) -> Person:
    given = _syllabic_word(rng, 2 + int(rng.random() * 2))
    family = _syllabic_word(rng, 2 + int(rng.random() * 2))
    return Person(f"{given} {family}", family, female)


NAME_MAKERS: dict[str, Callable[[random.Random, bool], Person]] = {
    "korean": _korean, "chinese": _chinese, "japanese": _japanese, "vietnamese": _vietnamese,
    "western": _western, "slavic": _slavic, "hispanic": _hispanic, "arabic": _arabic,
    "turkic": _turkic, "south_asian": _south_asian, "african": _african,
    "syllabic": _syllabic,
}


def make_person(rng: random.Random, style: str, female: bool | None = None) -> Person:
    is_female = rng.random() < 0.4
    return NAME_MAKERS[style](rng, is_female if female is None else female)


# --------------------------------------------------------------------------------------------
# Issues: each knows how to be named, blamed, asked for, acted on and proposed.
# Placeholders: {A} the actor the issue is about, {A_pos} its possessive, {A_adj} its
# demonym, {B} a second state; object-position references throughout.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Issue:
    label: str
    np: tuple[str, ...]  # singular noun phrases: the thing one condemns or welcomes
    blame: tuple[str, ...]  # gerund phrases: "accused {A} of ..."; "{A} denied ..."
    ask: tuple[str, ...]  # verb phrases others want {A} to do
    act: tuple[str, ...]  # verb phrases a holder does itself, about {A}
    proposal: tuple[str, ...]  # noun phrases one proposes
    facts: tuple[str, ...]  # neutral narration


ISSUES: tuple[Issue, ...] = (
    Issue(
        "missile tests",
        ("{A_pos} latest ballistic missile launch", "the missile test carried out by {A}",
         "the launch of an intercontinental ballistic missile by {A}",
         "{A_pos} latest round of missile launches", "the {A_adj} missile test"),
        ("violating UN Security Council resolutions with its missile launches",
         "destabilizing the region with repeated missile tests",
         "developing missiles capable of carrying nuclear warheads"),
        ("halt its missile tests", "refrain from further launches",
         "abide by the Security Council resolutions on ballistic missiles"),
        ("strengthen missile defenses against {A}", "share missile-warning data with {B}",
         "deploy additional interceptor batteries", "impose new sanctions on {A}"),
        ("a moratorium on long-range missile tests", "a hotline to warn of missile launches"),
        ("{A} has fired more than {num} missiles since {year}.",
         "The missile flew for about {num} minutes before falling into the sea.",
         "It was the {ordinal} launch by {A} this year."),
    ),
    Issue(
        "nuclear testing",
        ("{A_pos} underground nuclear test", "the nuclear test conducted by {A}",
         "{A_pos} decision to resume nuclear testing"),
        ("preparing a new nuclear test", "expanding its nuclear arsenal",
         "breaching the global norm against nuclear testing"),
        ("dismantle its nuclear test site", "return to the Non-Proliferation Treaty",
         "freeze its nuclear program"),
        ("expand extended deterrence for {B}", "seek a new sanctions resolution against {A}",
         "send inspectors to the test site in {A_name}"),
        ("a verifiable freeze of {A_pos} nuclear program", "a nuclear-weapon-free zone"),
        ("Seismic monitors registered a tremor of magnitude {small} near the test site.",
         "{A} last conducted a nuclear test in {year}."),
    ),
    Issue(
        "joint military exercises",
        ("the joint military exercise held by {A} and {B}",
         "{A_pos} large-scale drill with {B}", "the annual combined exercise of {A} and {B}"),
        ("rehearsing an invasion under the cover of joint drills",
         "escalating tensions with provocative military drills"),
        ("scale back its joint exercises with {B}", "suspend the drills with {B}"),
        ("hold joint exercises with {B}", "expand the annual drills with {B}",
         "postpone the joint exercise with {B}", "invite observers to the drills"),
        ("a mutual suspension of military drills", "advance notification of large exercises"),
        ("The exercise involved some {num} troops and {small} warships.",
         "{A} and {B} have held the drills every spring since {year}."),
    ),
    Issue(
        "sanctions",
        ("the sanctions resolution against {A}", "the latest sanctions package against {A}",
         "the easing of sanctions on {A}", "the sanctions regime targeting {A}"),
        ("evading sanctions through ship-to-ship transfers",
         "using front companies to evade sanctions",
         "smuggling refined petroleum in breach of the sanctions"),
        ("comply with the sanctions regime", "stop evading sanctions",
         "cooperate with the sanctions monitors"),
        ("impose new sanctions on {A}", "tighten sanctions on {A}", "ease sanctions on {A}",
         "lift the sanctions on {A}", "enforce the sanctions against {A}"),
        ("a new sanctions resolution targeting {A}", "a humanitarian exemption to the sanctions",
         "a panel to monitor sanctions enforcement"),
        ("The sanctions on {A} were first imposed in {year}.",
         "The panel of experts documented {num} suspected violations last year."),
    ),
    Issue(
        "denuclearization talks",
        ("the denuclearization talks with {A}", "the resumption of nuclear talks with {A}",
         "{A_pos} offer of working-level talks", "the summit between {A} and {B}"),
        ("stalling the denuclearization talks", "walking away from the negotiating table",
         "using the talks to buy time"),
        ("return to the negotiating table", "resume working-level talks",
         "take concrete steps toward denuclearization"),
        ("resume denuclearization talks with {A}", "send an envoy to {A}",
         "hold a summit with {A}", "offer security guarantees to {A}"),
        ("a phased roadmap for denuclearization", "a new round of six-party talks",
         "a step-for-step deal with {A}"),
        ("The last round of talks between {A} and {B} ended without agreement in {year}.",
         "Working-level contacts have been suspended for {small} years."),
    ),
    Issue(
        "human rights",
        ("{A_pos} human rights record", "the detention of activists in {A_name}",
         "the crackdown on protesters in {A_name}",
         "the UN resolution on human rights in {A_name}"),
        ("committing serious human rights violations", "detaining dissidents without trial",
         "persecuting religious minorities"),
        ("release political prisoners", "allow UN investigators into the country",
         "end its crackdown on protesters"),
        ("raise human rights abuses by {A} at the UN", "grant asylum to dissidents from {A_name}",
         "co-sponsor the human rights resolution on {A}"),
        ("an independent inquiry into abuses in {A_name}", "a UN special rapporteur for {A}"),
        ("Rights groups estimate that some {num} people are held in detention camps.",
         "The UN commission of inquiry on {A} reported in {year}."),
    ),
    Issue(
        "trade",
        ("{A_pos} new tariffs on steel imports", "the trade restrictions imposed by {A}",
         "the free trade agreement between {A} and {B}", "{A_pos} ban on seafood imports"),
        ("dumping cheap steel on world markets", "engaging in unfair trade practices",
         "manipulating its currency"),
        ("lift its tariffs", "return to trade negotiations", "open its market to imports"),
        ("sign a free trade agreement with {A}", "impose retaliatory tariffs on {A}",
         "file a complaint against {A} at the WTO", "expand trade with {A}"),
        ("a bilateral trade agreement with {A}", "a regional trade pact",
         "a dispute-settlement panel at the WTO"),
        ("Trade between {A} and {B} reached ${num} billion in {year}.",
         "The tariffs cover some {num} product lines."),
    ),
    Issue(
        "arms transfers",
        ("the transfer of artillery shells from {A_name} to {B}", "{A_pos} arms deliveries to {B}",
         "the sale of fighter jets to {A}", "the military cooperation between {A} and {B}"),
        ("supplying weapons to {B}", "shipping ammunition to {B} in breach of UN resolutions",
         "transferring drone technology to {B}"),
        ("stop its arms transfers to {B}", "halt its military cooperation with {B}"),
        ("halt arms exports to {A}", "supply air-defense systems to {B}",
         "tighten export controls on dual-use goods bound for {A}"),
        ("an arms embargo on {A}", "an international register of arms transfers"),
        ("Satellite images showed {num} containers at the port in {year}.",
         "Officials estimate that {A} has shipped some {num} shells to {B}."),
    ),
    Issue(
        "cyberattacks",
        ("the cyberattack on {B_pos} banking system", "the cyber operations attributed to {A}",
         "the theft of cryptocurrency by hackers linked to {A}"),
        ("orchestrating cyberattacks against {B}", "stealing cryptocurrency to fund weapons",
         "hacking government networks"),
        ("rein in hackers operating from its territory", "stop its cyber operations"),
        ("share cyber-threat intelligence with {B}", "sanction hackers linked to {A}",
         "set up a joint cyber task force with {B}"),
        ("a joint task force on cyber threats", "international rules for state conduct online"),
        ("Hackers linked to {A} stole an estimated ${num} million in {year}.",),
    ),
    Issue(
        "maritime claims",
        ("{A_pos} naval patrols near the disputed islands",
         "the construction of outposts by {A} in disputed waters",
         "the collision between {A_adj} and {B_adj} vessels"),
        ("militarizing the disputed islands", "harassing fishing boats in disputed waters",
         "violating the maritime boundary"),
        ("respect freedom of navigation", "withdraw its vessels from the disputed area"),
        ("conduct freedom-of-navigation patrols", "deploy coast guard ships near {A}",
         "take the dispute with {A} to international arbitration"),
        ("a code of conduct for the disputed waters", "joint development of the seabed"),
        ("Coast guard ships from {A_name} entered the contiguous zone {num} times last year.",),
    ),
    Issue(
        "satellite launches",
        ("{A_pos} military reconnaissance satellite launch", "the space launch by {A}",
         "{A_pos} plan to put a spy satellite into orbit"),
        ("using a satellite launch as cover for ballistic missile technology",
         "receiving space technology from {B}"),
        ("abandon its military satellite program", "notify neighbours before launches"),
        ("launch a reconnaissance satellite of its own", "track the launch with {B}"),
        ("international notification rules for space launches",),
        ("The rocket's first stage fell into the sea {num} kilometres from the coast.",),
    ),
    Issue(
        "refugees",
        ("the closure of the border by {A}", "the forced repatriation of refugees by {A}",
         "the flow of refugees from {A_name} into {B_name}"),
        ("forcibly returning refugees", "pushing back asylum seekers at the border"),
        ("reopen its border crossings", "stop the forced repatriation of refugees"),
        ("accept more refugees from {A_name}", "fund camps for refugees from {A_name}",
         "resettle refugees from {A_name}"),
        ("a regional framework for refugee resettlement", "a UN-run reception centre"),
        ("More than {num} people have fled {A_name} since {year}.",),
    ),
    Issue(
        "energy supplies",
        ("{A_pos} cut in gas supplies to {B}", "the pipeline between {A} and {B}",
         "the price cap on {A_adj} oil", "{A_pos} embargo on fuel exports"),
        ("using energy as a weapon", "cutting off gas deliveries in the middle of winter"),
        ("restore gas deliveries", "honor its supply contracts"),
        ("reduce energy imports from {A_name}", "buy liquefied gas from {B}",
         "resume oil purchases from {A_name}"),
        ("a price cap on {A_adj} oil", "a joint energy reserve"),
        ("{A} supplied about {small}0 percent of {B_pos} gas before {year}.",),
    ),
    Issue(
        "ceasefire violations",
        ("the ceasefire agreement between {A} and {B}", "{A_pos} offensive against {B}",
         "the shelling of border towns by {A}"),
        ("violating the ceasefire", "shelling civilian areas",
         "massing troops on the border with {B}"),
        ("observe the ceasefire", "pull its troops back from the border with {B}"),
        ("send observers to monitor the ceasefire", "mediate between {A} and {B}",
         "deploy additional troops to the border"),
        ("a peace conference on the conflict between {A} and {B}",
         "a demilitarized buffer zone between {A} and {B}"),
        ("The fighting has displaced some {num} people since {year}.",
         "The ceasefire was signed in {year} after {small} rounds of talks."),
    ),
    Issue(
        "peacekeeping",
        ("the UN peacekeeping mission in {A_name}", "the withdrawal of peacekeepers from {A_name}",
         "the mandate of the mission in {A_name}"),
        ("obstructing the peacekeeping mission", "attacking UN peacekeepers"),
        ("cooperate with UN peacekeepers", "guarantee the safety of the mission"),
        ("contribute troops to the mission in {A_name}", "extend the mission in {A_name}",
         "withdraw peacekeepers from {A_name}"),
        ("an extension of the peacekeeping mandate in {A_name}", "a regional stabilization force"),
        ("The mission in {A_name} numbers some {num} troops and police.",),
    ),
    Issue(
        "export controls",
        ("{A_pos} export controls on advanced semiconductors",
         "the restrictions on chip-making equipment sold to {A}",
         "{A_pos} curbs on exports of rare earths"),
        ("weaponizing supply chains", "stealing semiconductor technology"),
        ("ease its export controls", "lift its curbs on rare earths"),
        ("tighten export controls on chips bound for {A}",
         "join the export controls on {A}", "secure alternative suppliers of rare earths"),
        ("a supply-chain dialogue with {A}", "a joint semiconductor alliance"),
        ("{A} accounts for about {small}0 percent of global rare-earth processing.",),
    ),
    Issue(
        "uranium enrichment",
        ("{A_pos} uranium enrichment program", "the nuclear deal with {A}",
         "{A_pos} decision to restrict IAEA inspections"),
        ("concealing nuclear material from inspectors", "enriching uranium to near weapons grade"),
        ("grant IAEA inspectors full access", "return to compliance with the nuclear deal"),
        ("restore the nuclear deal with {A}", "refer {A} to the Security Council",
         "resume negotiations with {A} on its nuclear program"),
        ("a return to the nuclear agreement", "an interim deal capping enrichment"),
        ("Inspectors estimate that {A} holds about {num} kilograms of enriched uranium.",),
    ),
    Issue(
        "climate finance",
        ("the climate finance pledge by {A}", "{A_pos} new emissions target",
         "the loss-and-damage fund"),
        ("backsliding on its emissions targets", "blocking the climate negotiations"),
        ("honor its climate commitments", "raise its emissions target"),
        ("double contributions to the climate fund", "phase out coal power",
         "fund clean-energy projects in {A_name}"),
        ("a loss-and-damage fund for vulnerable states", "a carbon border tax"),
        ("{A} pledged ${num} million to the fund in {year}.",),
    ),
    Issue(
        "detained nationals",
        ("the detention of {B_adj} nationals in {A_name}",
         "the sentencing of a {B_adj} journalist in {A_name}",
         "the prisoner exchange between {A} and {B}"),
        ("holding foreign nationals as bargaining chips",
         "detaining journalists on spying charges"),
        ("release the detained {B_adj} citizens", "grant consular access to the detainees"),
        ("send an envoy to {A} to negotiate their release", "agree to a prisoner exchange with {A}",
         "issue a travel warning for {A}"),
        ("a prisoner exchange with {A}", "consular visits to the detainees"),
        ("At least {small} {B_adj} citizens are held in {A_name}.",),
    ),
    Issue(
        "humanitarian aid",
        ("the humanitarian aid shipment to {A}", "the blockade of aid convoys to {A}",
         "the food aid program in {A_name}"),
        ("diverting humanitarian aid", "blocking aid convoys"),
        ("allow aid convoys into the country", "accept international food aid"),
        ("send food aid to {A}", "fund the UN appeal for {A}", "suspend aid to {A}"),
        ("a humanitarian corridor into {A}", "a donors' conference for {A}"),
        ("The UN appeal for {A} is only {small}0 percent funded.",
         "Some {num} people in {A_name} need food assistance."),
    ),
)

# Clauses for claims, warnings and predictions ({X} an issue noun phrase, {L} its label).
CLAIMS = (
    "{X} is a flagrant violation of international law",
    "{X} has undermined peace and stability in the region",
    "{X} is a purely defensive measure",
    "{X} is an internal matter in which outsiders have no right to interfere",
    "{A} bears full responsibility for the rising tensions",
    "{X} poses a serious threat to regional security",
    "dialogue remains the only realistic way forward",
    "{X} serves the interests of the whole region",
    "the criticism of {A} is politically motivated",
    "{X} was the inevitable result of {B_pos} hostile policy",
)
# Neutral narration, besides each issue's own facts.
NARRATIONS = (
    "{A} and {B} held talks in {B_cap} {when}.",
    "{I} is scheduled to meet again next month to discuss {L}.",
    "{X} came {when}, only days after a visit by {B_adj} officials.",
    "Relations between {A} and {B} have been strained since {year}.",
    "The question of {L} has been on the agenda for years.",
    "{A} and {B} established diplomatic relations in {year}.",
    "Officials from {A_name} and {B_name} met on the sidelines of the {I_attr} summit.",
    "{X} followed months of quiet diplomacy.",
)
PREDICTIONS = (
    "tensions over {L} will rise further in the coming months",
    "{A} will respond with further provocations",
    "{X} will dominate the agenda of the next {I_attr} meeting",
    "the dispute over {L} will drag on into next year",
    "{A} will eventually return to the table",
    "{B} will come under growing pressure to change course",
    "{X} will have little effect on {A_pos} behaviour",
)
WARNINGS = (
    "{X} could trigger an arms race in the region",
    "further provocations would be met with a firm response",
    "{A} would pay a heavy price for {X}",
    "the situation could spiral out of control",
    "{X} risks isolating {A} even further",
    "any attempt to change the status quo by force would not be tolerated",
)
THREATS = (
    "take “resolute countermeasures” against {T}", "retaliate against {T}",
    "cut off trade with {T}", "expel {T_adj} diplomats", "suspend all cooperation with {T}",
    "respond with overwhelming force", "downgrade diplomatic relations with {T}",
    "impose unilateral sanctions on {T}", "close the airspace to {T_adj} aircraft",
)
CONSEQUENCES = (
    "{B} would almost certainly respond in kind", "the talks would collapse",
    "{I} would come under renewed pressure to act", "the region would be far less stable",
    "it would hand {B} a diplomatic victory", "the costs would fall on ordinary citizens",
)
NOUNS_TITLE = ("Deterrence", "Diplomacy", "Pressure", "Engagement", "Restraint", "Leverage",
               "Alliances", "Sanctions", "Dialogue", "Credibility")
ROLES = ("Senior Fellow, Security Strategy Program", "Research Fellow, Department of "
         "Unification Studies", "Director, Center for Regional Studies", "Visiting Scholar",
         "Senior Research Fellow, Foreign Policy Studies", "Associate Professor of "
         "International Relations", "Vice President of Research Planning Division",
         "Research Fellow, Energy and Trade Program", "Director of Asian Studies")
THINK_TANK_TOPICS = ("Strategic", "International", "Security", "Peace", "Regional", "Defense",
                     "Foreign Affairs", "Asian", "Global", "Unification")


@dataclass(frozen=True)
class Publisher:
    name: str  # the first header line
    code: str  # file-name prefix
    style: str  # "brief" | "wire" | "opinion"
    series: str | None
    domain: str
    writer_style: str  # name style of its writers ("mixed" for any)


PUBLISHERS: tuple[Publisher, ...] = (
    Publisher("Seoul Forum for Strategic Studies", "sfss", "brief", "SFSS Commentary",
              "sfss.org", "korean"),
    Publisher("Institute for Northeast Asian Affairs", "inaa", "brief", "INAA Issue Brief",
              "inaa.org", "mixed"),
    Publisher("Pacific Policy Institute", "ppi", "brief", "PPI Analysis", "ppinst.org",
              "mixed"),
    Publisher("Tokyo Review of Strategy", "trs", "brief", "TRS Perspectives", "trs.jp",
              "japanese"),
    Publisher("Meridian Wire | News Analysis", "mwire", "wire", None, "meridianwire.com",
              "mixed"),
    Publisher("Continental Press | Diplomacy", "cpress", "wire", None, "contipress.com",
              "western"),
    Publisher("The Harbour Ledger — Opinion", "ledger", "opinion", None, "harbourledger.com",
              "mixed"),
    Publisher("Global Affairs Digest — Commentary", "gad", "opinion", None, "gadigest.org",
              "western"),
)

# --------------------------------------------------------------------------------------------
# The cast: who holds which office when; stable for a seed across documents.
# --------------------------------------------------------------------------------------------

OFFICES = ("leader", "Foreign Minister", "Defense Minister", "spokesperson", "UN Ambassador",
           "Trade Minister")
FIRST_YEAR, LAST_YEAR = 2015, 2026
_STYLES_MIXED = ("western", "korean", "chinese", "japanese", "slavic", "hispanic",
                 "south_asian")


class Cast:
    """Office holders per (state, office, two-year term) and writers per publisher."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._people: dict[tuple[str, str, int], Person] = {}
        self._writers: dict[str, list[tuple[Person, str]]] = {}

    def holder(self, owner: str, style: str, office: str, year: int,
               female: bool | None = None) -> Person:
        key = (owner, office, (year - FIRST_YEAR) // 2)
        person = self._people.get(key)
        if person is None:
            person = make_person(random.Random(f"cast:{self.seed}:{key}"), style, female)
            self._people[key] = person
        return person

    def writers(self, pub: Publisher) -> list[tuple[Person, str]]:
        found = self._writers.get(pub.code)
        if found is None:
            rng = random.Random(f"writers:{self.seed}:{pub.code}")
            found = []
            for _ in range(24):
                style = pub.writer_style
                if style == "mixed":
                    style = _pick(rng, _STYLES_MIXED)
                found.append((make_person(rng, style), _pick(rng, ROLES)))
            self._writers[pub.code] = found
        return found


# --------------------------------------------------------------------------------------------
# Writing one document
# --------------------------------------------------------------------------------------------

_STATE_WEIGHTS = [s.weight for s in STATES]
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_MONTHS_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
              "Oct.", "Nov.", "Dec.")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")
_DAY_SPAN = (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR, 1, 1)).days


_FIELD_CACHE: dict[str, frozenset[str]] = {}


def _fields(template: str) -> frozenset[str]:
    """The slot names a template uses (templates are few, so they are remembered)."""
    found = _FIELD_CACHE.get(template)
    if found is None:
        found = frozenset(f for _, f, _, _ in string.Formatter().parse(template) if f)
        _FIELD_CACHE[template] = found
    return found


def _cap(text: str) -> str:
    """Upper-case the first letter of a sentence (after an opening quotation mark)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch not in "“\"'‘":
            return text
    return text


def _pos(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _join(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _nth(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@dataclass
class Speaker:
    """One holder as the text refers to it: first mention, later mentions, pronouns."""

    first: str
    later: str
    pron: str  # subject pronoun: it / they / he / she
    poss: str  # its / their / his / her
    person: Person | None = None
    state: State | None = None  # the state it speaks for, if any
    mentioned: bool = False

    def ref(self) -> str:
        if self.mentioned:
            return self.later
        self.mentioned = True
        return self.first


class Writer:
    """Builds one document from its own random generator."""

    def __init__(self, rng: random.Random, cast: Cast, words: int) -> None:
        self.rng = rng
        self.cast = cast
        self.words = words
        r = rng.random
        self.date = date(FIRST_YEAR, 1, 1) + timedelta(days=int(r() * (_DAY_SPAN + 1)))
        self.event = self.date - timedelta(days=1 + int(r() * 12))
        self.states = self._focal_states()
        self.issue = _pick(rng, ISSUES)
        self.side_issues = [_pick(rng, ISSUES) for _ in range(2)]
        self.insts = [INSTITUTIONS[int(r() * len(INSTITUTIONS))] for _ in range(3)]
        self.speakers: dict[tuple[str, str], Speaker] = {}
        self.last: Speaker | None = None  # the holder a pronoun may refer to

    # -- choosing actors ---------------------------------------------------------------------

    def _focal_states(self) -> list[State]:
        chosen: list[State] = []
        while len(chosen) < 6:
            s = self.rng.choices(STATES, weights=_STATE_WEIGHTS)[0]
            if s not in chosen:
                chosen.append(s)
        return chosen

    def _state(self, *avoid: State) -> State:
        pool = [s for s in self.states if s not in avoid]
        if not pool:
            pool = [s for s in STATES if s not in avoid]
        return pool[int(self.rng.random() * len(pool))]

    def state_ref(self, s: State) -> str:
        x = self.rng.random()
        if x < 0.62:
            return s.name
        if x < 0.84:
            return s.capital
        if x < 0.92 and s.aliases:
            return _pick(self.rng, s.aliases)
        return f"the {s.adj} government"

    def _official(self, s: State) -> Speaker:
        office = _pick(self.rng, OFFICES)
        key = (s.name, office)
        found = self.speakers.get(key)
        if found is not None:
            return found
        monarch = office == "leader" and s.leader in (KING, EMIR, "Sultan")
        p = self.cast.holder(s.name, s.style, office, self.date.year, False if monarch else None)
        ministry = "Foreign Ministry" if self.rng.random() < 0.6 else "Ministry of Foreign Affairs"
        rng = self.rng
        if office == "leader":
            title = s.leader if s.leader != "leader" else "leader"
            first = f"{s.adj} {title} {p.full}"
        elif office == "spokesperson":
            first = _pick(rng, (
                f"{p.full}, the spokesperson for the {s.adj} {ministry},",
                f"{s.adj} {ministry} spokesperson {p.full}",
                f"{p.full}, a spokesperson for {_pos(s.name)} {ministry},",
            ))
        elif office == "UN Ambassador":
            first = _pick(rng, (f"{s.adj} UN Ambassador {p.full}",
                                f"{p.full}, {_pos(s.name)} ambassador to the United Nations,"))
        else:
            first = _pick(rng, (f"{s.adj} {office} {p.full}",
                                f"{p.full}, the {s.adj} {office.lower()},",
                                f"{_pos(s.name)} {office.lower()}, {p.full},"))
        found = Speaker(first, p.short, p.pron, p.poss, p, s)
        self.speakers[key] = found
        return found

    def _institution(self) -> Speaker:
        full, short, head = _pick(self.rng, self.insts)
        if head and self.rng.random() < 0.5:
            key = (full, head)
            found = self.speakers.get(key)
            if found is None:
                p = self.cast.holder(full, _pick(self.rng, _STYLES_MIXED), head, self.date.year)
                found = Speaker(f"{head} {p.full}", p.short, p.pron, p.poss, p)
                self.speakers[key] = found
            return found
        return Speaker(full, short, "it", "its")

    def _ministry(self, s: State) -> Speaker:
        name = f"the {s.adj} {_pick(self.rng, MINISTRIES)}"
        return Speaker(name, "the ministry", "it", "its", None, s)

    def _analyst(self) -> Speaker:
        s = self._state()
        p = make_person(self.rng, s.style)
        where = _pick(self.rng, (
            f"a professor at {s.capital} University",
            f"a researcher at the {s.capital} Institute for {_pick(self.rng, THINK_TANK_TOPICS)}"
            " Studies",
            f"a former {s.adj} diplomat", f"a {s.adj} lawmaker",
            f"an analyst at the {_pick(self.rng, THINK_TANK_TOPICS)} Policy Center",
        ))
        return Speaker(f"{p.full}, {where},", p.short, p.pron, p.poss, p)

    def holder(self, *avoid: State) -> tuple[Speaker, State]:
        """A holder of a stance: a state, one of its officials or ministries, or a body."""
        s = self._state(*avoid)
        x = self.rng.random()
        if x < 0.38:
            ref = self.state_ref(s)
            sp = Speaker(ref, ref, "it", "its", None, s)
        elif x < 0.78:
            sp = self._official(s)
        elif x < 0.88:
            sp = self._ministry(s)
        elif x < 0.96:
            sp = self._institution()
        else:
            sp = self._analyst()
        return sp, s

    # -- filling templates -------------------------------------------------------------------

    def fill(self, template: str, a: State, b: State, issue: Issue | None = None) -> str:
        """Substitute {A}/{B}-style slots with references to the given states."""
        names = _fields(template)
        if not names:
            return template
        rng = self.rng
        issue = issue or self.issue
        # only the slots the template names, so unused ones cost no random draws
        slots = {"A_adj": a.adj, "B_adj": b.adj, "A_name": a.name, "B_name": b.name,
                 "B_cap": b.capital, "T_adj": a.adj, "L": issue.label}
        if not names.isdisjoint(("A", "A_pos", "T")):
            a_ref = self.state_ref(a)
            slots.update(A=a_ref, A_pos=_pos(a_ref), T=a_ref)
        if not names.isdisjoint(("B", "B_pos")):
            b_ref = self.state_ref(b)
            slots.update(B=b_ref, B_pos=_pos(b_ref))
        if not names.isdisjoint(("I", "I_attr")):
            inst = _pick(rng, self.insts)[1]
            slots.update(I=inst, I_attr=inst.removeprefix("the "))
        if "num" in names:
            slots["num"] = f"{rng.choice((12, 18, 25, 30, 40, 65, 120, 300, 1500, 4000, 12000)):,}"
        if "small" in names:
            slots["small"] = str(2 + int(rng.random() * 7))
        if "year" in names:
            back = int(rng.random() * 12)
            slots["year"] = str(max(FIRST_YEAR - 10, self.date.year - 1 - back))
        if "ordinal" in names:
            slots["ordinal"] = _pick(rng, _ORDINALS[1:8])
        if "X" in names:
            slots["X"] = self.fill(_pick(rng, issue.np), a, b)
        if "when" in names:
            slots["when"] = self.when()
        return template.format_map(slots)

    def issue_parts(self, *holders: State) -> tuple[Issue, State, State]:
        """The issue a sentence is about, the state it concerns and a second state (neither
        of them the holder's own)."""
        r = self.rng.random
        issue = self.issue if r() < 0.8 else _pick(self.rng, self.side_issues)
        first, second = self.states[0], self.states[1]
        if r() < 0.6 and first not in holders and second not in holders:
            return issue, first, second
        a = self._state(*holders)
        return issue, a, self._state(a, *holders)

    def when(self) -> str:
        d = self.event
        return _pick(self.rng, (
            f"on {_MONTHS[d.month - 1]} {d.day}", f"on the {_nth(d.day)}",
            f"on {_WEEKDAYS[d.weekday()]}", "last week", "earlier this month",
            f"on {_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}",
        ))

    # -- stances -----------------------------------------------------------------------------

    def stance(self, kind: str, sp: Speaker, *holders: State) -> str:
        """One sentence in which `sp` (speaking for state s) takes a stance of `kind`."""
        wording = _pick(self.rng, STANCE_WORDINGS[kind])
        if sp.pron == "they":
            wording = (wording.replace("{h} has ", "{h} have ").replace("{h} was ", "{h} were ")
                       .replace("{h} intends ", "{h} intend "))
        return wording.format_map(self.slots(sp, *holders))

    def slots(self, sp: Speaker, *holders: State) -> _Slots:
        """The pieces a wording may use, each made only when the wording asks for it."""
        issue, a, b = self.issue_parts(*holders)
        rng = self.rng

        def pick(pool: Sequence[str]) -> Callable[[], str]:
            return lambda: self.fill(_pick(rng, pool), a, b, issue)

        def good() -> str:
            # what one supports or welcomes: mostly a proposal, sometimes the issue itself
            if rng.random() < 0.6:
                prefix = _pick(rng, ("", "the proposal for ", "calls for "))
                return prefix + self.fill(_pick(rng, issue.proposal), a, b, issue)
            return slots["x"]

        when = self.when() if rng.random() < 0.3 else ""
        slots = _Slots({
            "x": pick(issue.np), "t": lambda: self.state_ref(a), "good": good,
            "blame": pick(issue.blame),
            "blame_ours": lambda: slots["blame"].replace(" its ", " our "),
            "act": pick(issue.act), "ask": pick(issue.ask),
            "prop": pick(issue.proposal), "warning": pick(WARNINGS), "claim": pick(CLAIMS),
            "prediction": pick(PREDICTIONS), "threat": lambda: self.fill(_pick(rng, THREATS), a, b),
            "epithet": lambda: _pick(rng, _EPITHETS),
            "consequence": lambda: self.fill(_pick(rng, CONSEQUENCES), a, b, issue),
            "other": lambda: self.state_ref(b),
            # the holder is marked as introduced only when a wording names it
            "h": sp.ref, "h_end": lambda: slots["h"].rstrip(","),
        })
        slots.update(pr=sp.pron, poss=sp.poss, w=f" {when}" if when else "",
                     lw=f"{_cap(when)}, " if when else "")
        return slots

    def quote(self, kind: str, sp: Speaker, s: State) -> str:
        """A stance in reported speech, with the attribution before or after the quote."""
        rng = self.rng
        if sp.mentioned and self.last is sp:
            who = sp.pron
        else:
            who = sp.ref()
        slots = self.slots(Speaker(who, who, sp.pron, sp.poss), s)
        body = QUOTE_WORDINGS[kind].format_map(slots)
        # a quotation inside the quotation takes single marks
        body = body.replace("of its own", "of our own").replace("“", "‘").replace("”", "’")
        body = _cap(body)
        form = rng.random()
        if form < 0.45:
            return f"“{body},” {who} said."
        if form < 0.7:
            return f"{_cap(who)} said: “{body}.”"
        if form < 0.85:
            return f"“{body},” {who} told reporters{slots['w']}."
        if kind == "claim":
            return f"“{body},” {who} said."
        return f"“{body},” {who} said, adding that {slots['claim']}."

    def passive(self, kind: str, sp: Speaker, s: State) -> str:
        """The issue as subject, the holder in a by-phrase."""
        return PASSIVE_WORDINGS[kind].format_map(self.slots(sp, s))

    def listed(self, kind: str) -> str:
        """Several states holding one stance together."""
        n = 2 + int(self.rng.random() * 3)
        members = self.states[1:1 + n] if self.rng.random() < 0.5 else self.states[-n:]
        if self.rng.random() < 0.3:
            names = f"the foreign ministers of {_join([s.name for s in members])}"
        else:
            names = _join([self.state_ref(s) for s in members])
        sp = Speaker(names, names, "they", "their")
        return self.stance(kind, sp, *members)

    def negated(self, sp: Speaker, s: State) -> str:
        """A statement that is not a stance of its kind."""
        return _pick(self.rng, NEGATED_WORDINGS).format_map(self.slots(sp, s))

    def hypothetical(self, sp: Speaker, s: State) -> str:
        return _pick(self.rng, HYPOTHETICAL_WORDINGS).format_map(self.slots(sp, s))

    def author(self) -> str:
        """The author's own assessment: recommendations, claims, predictions."""
        issue, a, b = self.issue_parts()
        rng = self.rng
        pick = lambda pool: self.fill(_pick(rng, pool), a, b, issue)  # noqa: E731
        t = self.state_ref(a)
        x = rng.random()
        if x < 0.5:
            if rng.random() < 0.5:
                vp = pick(issue.ask)
            else:
                t, vp = self.state_ref(b), pick(issue.act)
            return _pick(rng, (
                f"{t} should {vp}.", f"It would be wise for {t} to {vp}.",
                f"{t} would do well to {vp}.", f"The most sensible course for {t} is to {vp}.",
                f"{t} ought to {vp} before it is too late.",
                f"Rather than waiting, {t} should {vp}.",
            ))
        if x < 0.75:
            return _pick(rng, (f"In the author's view, {pick(CLAIMS)}.",
                               f"There is little doubt that {pick(CLAIMS)}.",
                               f"It is clear that {pick(CLAIMS)}."))
        return _pick(rng, (f"It is likely that {pick(PREDICTIONS)}.",
                           _cap(f"{pick(PREDICTIONS)}, in all likelihood."),
                           f"Most observers expect that {pick(PREDICTIONS)}."))

    def narration(self) -> str:
        issue, a, b = self.issue_parts()
        # an issue's own facts as often as all the general lines together
        pool = issue.facts if self.rng.random() < 0.5 else NARRATIONS
        return _cap(self.fill(_pick(self.rng, pool), a, b, issue))

    # -- paragraphs and the whole text -------------------------------------------------------

    def sentence(self) -> str:
        rng = self.rng
        x = rng.random()
        if x < 0.12:
            self.last = None
            return self.narration()
        if x < 0.22:
            self.last = None
            return self.author()
        kind = _pick(rng, _KINDS)
        if self.last is not None and self.last.person is not None and rng.random() < 0.35:
            # the official just quoted or named again, by pronoun
            sp = self.last
            s = sp.state or self._state()
            if rng.random() < 0.5:
                text = self.quote(kind, sp, s)
            else:
                saved, sp.later = sp.later, sp.pron
                text = self.stance(kind, sp, s)
                sp.later = saved
            return _cap(text.replace("of its own", f"of {sp.poss} own"))
        sp, s = self.holder()
        if x < 0.34:
            text = self.quote(kind, sp, s)
        elif x < 0.42 and kind in PASSIVE_WORDINGS:
            text = self.passive(kind, sp, s)
        elif x < 0.48:
            self.last = None
            return _cap(self.listed(kind))
        elif x < 0.55:
            text = self.negated(sp, s)
        elif x < 0.61:
            text = self.hypothetical(sp, s)
        else:
            text = self.stance(kind, sp, s)
        self.last = sp
        return _cap(text.replace("of its own", f"of {sp.poss} own"))

    def lead(self, dateline: str) -> str:
        a = self.states[0]
        b = self.states[1]
        x = self.fill(_pick(self.rng, self.issue.np), a, b)
        sp, _ = self.holder(a)
        kind = _pick(self.rng, ("condemn", "criticize", "warn", "urge", "oppose", "welcome"))
        reaction = self.stance(kind, sp, b)
        when = self.when()
        opening = _pick(self.rng, (
            f"{_cap(x)} {when} drew swift reactions from capitals across the region, putting "
            f"{self.issue.label} back at the centre of diplomacy.",
            f"{_cap(when)}, {x} once again exposed how far apart the main players remain on "
            f"{self.issue.label}.",
            f"Few developments in recent months have been as closely watched as {x}, which "
            f"came {when} after weeks of speculation.",
            f"The debate over {self.issue.label} has returned with {x}, and with it the old "
            f"question of how {self.state_ref(b)} should respond.",
        ))
        return f"{dateline}{opening} {_cap(reaction)}"

    def body(self, budget: int, dateline: str) -> list[str]:
        paragraphs: list[str] = []
        lead = self.lead(dateline)
        paragraphs.append(lead)
        used = len(lead.split())
        while used < budget:
            self.last = None
            sentences: list[str] = []
            for _ in range(3 + int(self.rng.random() * 4)):
                sent = self.sentence()
                sentences.append(sent)
                used += len(sent.split())
                if used >= budget:
                    break
            paragraphs.append(" ".join(sentences))
        return paragraphs

    def title(self) -> str:
        a, b = self.states[0], self.states[1]
        label = " ".join(w if w in ("and", "of") else w.capitalize()
                         for w in self.issue.label.split())
        return _pick(self.rng, (
            f"{_cap(_pos(a.name))} {label} and the Limits of {_pick(self.rng, NOUNS_TITLE)}",
            f"After the Crisis: What {_cap(b.name)} Should Do About {label}",
            f"Why {_cap(a.name)} Keeps Raising the Stakes on {label}",
            f"{label}: A Test for {_pick(self.rng, NOUNS_TITLE)} between {_cap(a.name)} and "
            f"{_cap(b.name)}",
            f"The {a.adj} Dilemma over {label}",
            f"{_cap(b.name)}, {_cap(a.name)} and the Politics of {label}",
        ))


_EPITHETS = ("a grave provocation", "reckless and dangerous", "an act of aggression",
             "a serious violation of international law", "totally unacceptable",
             "a political farce", "groundless", "a dangerous escalation")

class _Slots(dict):
    """Template slots: given ones, plus makers called on first use (format_map asks here)."""

    def __init__(self, makers: dict[str, Callable[[], str]]) -> None:
        super().__init__()
        self.makers = makers

    def __missing__(self, key: str) -> str:
        value = self.makers[key]()
        self[key] = value
        return value


# Wordings of each stance kind. Slots: {h} holder, {t} the state the issue concerns, {x} the
# issue, {good} a proposal or the issue, {blame} {act} {ask} {prop} {warning} {claim}
# {prediction} {threat} {epithet}, {pr}/{poss} the holder's pronouns, {w} " on Monday" or "",
# {lw} "On Monday, " or "".
STANCE_WORDINGS: dict[str, tuple[str, ...]] = {
    "condemn": ("{h} condemned {x}{w}.", "{lw}{h} strongly condemned {x}.",
                "{h} issued a statement{w} condemning {x}.",
                "{h} denounced {x} as “{epithet}.”", "{h} decried {x}, calling it “{epithet}.”"),
    "criticize": ("{h} criticized {x}{w}.", "{h} took aim at {x}.",
                  "{h} sharply criticized {t} over {x}.", "{h} faulted {t} for {blame}.",
                  "{h} was openly critical of {x}."),
    "accuse": ("{h} accused {t} of {blame}.", "{lw}{h} blamed {t} for {x}.",
               "{h} publicly accused {t} of {blame}."),
    "support": ("{h} supported {good}.", "{h} expressed support for {good}.",
                "{h} has backed {good}.", "{h} endorsed {good}{w}.",
                "{h} threw {poss} weight behind {good}."),
    "welcome": ("{h} welcomed {good}{w}.", "{h} hailed {good} as “a step forward.”",
                "{h} praised {good}.", "{h} said {pr} welcomed {good}."),
    "oppose": ("{h} opposed {x}.", "{h} voiced opposition to {x}.", "{h} objected to {x}{w}.",
               "{h} came out against {x}.", "{h} has consistently opposed {x}."),
    "reject": ("{h} rejected {x}.", "{h} flatly rejected {x}{w}.",
               "{h} dismissed {x} as “{epithet}.”", "{h} rejected calls to {act}."),
    "deny": ("{h} denied {blame}.", "{lw}{h} denied any role in {x}.",
             "{h} denied allegations of {blame}.", "{h} has repeatedly denied {blame}."),
    "refuse": ("{h} refused to {act}.", "{h} declined to {act}.",
               "{h} has refused to {act} despite repeated requests."),
    "reluctant": ("{h} was reluctant to {act}.", "{h} has been hesitant to {act}.",
                  "{h} showed little enthusiasm for {x}.", "{h} remained lukewarm about {x}."),
    "demand": ("{h} demanded that {t} {ask}.", "{h} called for {x} to end.",
               "{lw}{h} insisted that {t} {ask}.", "{h} demanded that {t} immediately {ask}."),
    "urge": ("{h} urged {t} to {ask}.", "{h} called on {t} to {ask}.",
             "{lw}{h} pressed {t} to {ask}.", "{h} appealed to {t} to {ask}."),
    "recommend": ("{h} recommended that {t} {ask}.", "{h} advised {t} to {ask}.",
                  "{h} suggested that {t} should {ask}."),
    "propose": ("{h} proposed {prop}.", "{lw}{h} put forward a proposal for {prop}.",
                "{h} floated the idea of {prop}.", "{h} offered to {act}."),
    "warn": ("{h} warned that {warning}.", "{lw}{h} cautioned that {warning}.",
             "{h} warned {t} that {warning}."),
    "threaten": ("{h} threatened to {threat}.", "{h} vowed to {threat}.",
                 "{h} said {pr} would {threat} if {x} went ahead."),
    "claim": ("{h} claimed that {claim}.", "{h} insisted that {claim}.",
              "{h} argued that {claim}.", "{h} maintained that {claim}."),
    "predict": ("{h} predicted that {prediction}.", "{h} forecast that {prediction}.",
                "{h} said {pr} expected that {prediction}."),
    "intend": ("{h} announced plans to {act}.", "{h} said {pr} would {act}.",
               "{lw}{h} vowed to {act}.", "{h} intends to {act}."),
    "agree": ("{h} agreed to {act}.", "{lw}{h} agreed to {act}.",
              "{h} reached an agreement with {t} on {prop}.", "{h} signed on to {prop}."),
}

# The same kinds in the holder's own words (first person), for quotations.
QUOTE_WORDINGS: dict[str, str] = {
    "condemn": "we strongly condemn {x}",
    "criticize": "{x} is irresponsible and short-sighted",
    "accuse": "{t} has been {blame}",
    "support": "we fully support {good}",
    "welcome": "we welcome {good} as a step in the right direction",
    "oppose": "we firmly oppose {x}",
    "reject": "we categorically reject {x}",
    "deny": "the claim that we have been {blame_ours} is a fabrication",
    "refuse": "we will not {act} under any circumstances",
    "reluctant": "we are in no hurry to {act}",
    "demand": "{t} must {ask} without delay",
    "urge": "we call on {t} to {ask}",
    "recommend": "it would be advisable for {t} to {ask}",
    "propose": "we propose {prop}",
    "warn": "{warning}",
    "threaten": "we will {threat} if necessary",
    "claim": "{claim}",
    "predict": "I expect that {prediction}",
    "intend": "we intend to {act}",
    "agree": "we have agreed to {act}",
}
_KINDS = tuple(STANCE_WORDINGS)

PASSIVE_WORDINGS: dict[str, str] = {
    "condemn": "{x} was condemned by {h_end}.",
    "criticize": "{x} drew sharp criticism from {h_end}.",
    "support": "{x} was backed by {h_end}.", "welcome": "{x} was welcomed by {h_end}.",
    "oppose": "{x} was opposed by {h_end}.", "reject": "{x} was rejected by {h_end}.",
}

# Statements that are not stances of the kind they name.
NEGATED_WORDINGS = (
    "{h} did not condemn {x}.", "{h} stopped short of condemning {x}.",
    "{h} has not criticized {x}.", "{h} did not endorse {x}.",
    "{h} never explicitly rejected {x}.", "{h} has yet to welcome {x}.",
    "{h} did not agree to {act}.", "Neither {t} nor {other} condemned {x}.",
)

HYPOTHETICAL_WORDINGS = (
    "If {h} were to {act}, {consequence}.", "Should {h} {act}, {consequence}.",
    "{h} might {act} if the talks fail.", "If {h} decided to {act}, {consequence}.",
    "{h} could {act}, but only if {other} makes the first move.",
)



def render(index: int, seed: int = 0, words: int = 600, cast: Cast | None = None
           ) -> tuple[str, str]:
    """Document number `index` of the corpus for `seed`: (file name, text)."""
    rng = random.Random(f"stancegraph-synth:{seed}:{index}")
    cast = cast or Cast(seed)
    pub = _pick(rng, PUBLISHERS)
    w = Writer(rng, cast, words)
    writer, role = _pick(rng, cast.writers(pub))
    title = w.title()
    d = w.date
    family_first = writer.full.startswith(writer.short + " ")
    shown = writer.full
    if family_first and rng.random() < 0.6:
        # "SEO Jin-woo": the family name in capitals, as Korean publishers print it
        shown = writer.short.upper() + writer.full[len(writer.short):]
    views = f"{int(200 + rng.random() * 9000):,}"
    header: list[str] = [pub.name, title]
    if pub.style == "brief":
        label = "Views" if rng.random() < 0.7 else "View"
        header.append(f"Date {d.isoformat()} {label} {views} Writer {shown}")
        header.append(title)
        if pub.series and rng.random() < 0.8:
            header.append(f"[{pub.series}] No.{d.year}-{1 + int(rng.random() * 60):02d}")
        header.append(f"{writer.full} ({role})")
        if rng.random() < 0.4:
            local = "".join(c for c in writer.short.lower() if c.isascii() and c.isalpha())
            header.append(f"{local or 'editor'}{int(rng.random() * 90) + 10}@{pub.domain}")
        sep = "\n\n \n\n"
        dateline = ""
    elif pub.style == "wire":
        section = _pick(rng, ("Diplomacy", "World", "Security", "Politics"))
        header.append(f"Date {d.isoformat()} Section {section} Writer {shown}")
        sep = "\n\n"
        city = w.states[0].capital if rng.random() < 0.5 else "Seoul"
        dateline = (f"{city.upper()}, {_MONTHS_AP[d.month - 1]} {d.day} "
                    f"({pub.name.split()[0]}) -- ")
    else:
        header.append(f"Date {d.isoformat()} Section Opinion Writer {shown}")
        header.append(_pick(rng, ("Old habits, new risks", "A choice between bad options",
                                  "The cost of doing nothing", "Time for a rethink")))
        sep = "\n\n"
        dateline = ""
    header_words = sum(len(line.split()) for line in header)
    paragraphs = w.body(max(50, words - header_words), dateline)
    text = "\n\n".join(header) + sep + sep.join(paragraphs) + "\n"
    name = f"{pub.code}-{d.year}-{index:06d}.txt"
    return name, text


def generate(n: int, seed: int = 0, words: int = 600) -> Iterator[tuple[str, str]]:
    """Yield (file name, text) for documents 0..n-1 of the corpus for `seed`.

    Document i is the same for any n, so a corpus of 1,000 is the start of one of 10,000.
    """
    cast = Cast(seed)
    for i in range(n):
        yield render(i, seed, words, cast)


def write_corpus(n: int, out_dir: str | Path, seed: int = 0, words: int = 600) -> list[Path]:
    """Write the corpus into out_dir (created if missing); returns the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed, words):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="synth.py",
        description="Write N synthetic foreign-policy commentaries into OUT_DIR.")
    parser.add_argument("n", type=int, metavar="N", help="number of documents")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder to write into")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--words", type=int, default=600,
                        help="approximate words per document (default 600)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be zero or more")
    if args.words < 50:
        parser.error("--words must be at least 50")
    started = time.perf_counter()
    paths = write_corpus(args.n, args.out_dir, args.seed, args.words)
    elapsed = time.perf_counter() - started
    print(f"wrote {len(paths)} documents to {args.out_dir} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
