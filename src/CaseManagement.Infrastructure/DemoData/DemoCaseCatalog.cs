namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// Fixed word lists for the fictitious caseload: names of the backgrounds common in Ludwigshafen
/// (Latin script), real street names of the city, note texts. Nothing here describes real people.
/// </summary>
internal static class DemoCaseCatalog
{
    /// <summary>A name background besides German: first names by gender and family names.</summary>
    public sealed record NameOrigin(string Key, double Weight, string[] MaleFirstNames, string[] FemaleFirstNames, string[] LastNames);

    /// <summary>Shares among clients with a non-German name (about 15 % of all).</summary>
    public static readonly NameOrigin[] Origins =
    [
        new("tr", 0.30,
            ["Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Serkan", "Murat", "Hakan", "Kemal", "Onur", "Yusuf", "Ömer", "Tolga", "Cem"],
            ["Ayşe", "Fatma", "Emine", "Zeynep", "Selin", "Esra", "Derya", "Merve", "Büşra", "Gülşen", "Sevgi"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Arslan", "Doğan", "Aydın", "Koç", "Kurt", "Özdemir", "Polat", "Erdoğan", "Keskin"]),
        new("pl", 0.15,
            ["Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek", "Łukasz", "Michał", "Grzegorz", "Dawid", "Kamil", "Sebastian"],
            ["Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Monika", "Justyna", "Ewa", "Natalia"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Mazur", "Krawczyk", "Jankowski"]),
        new("ru", 0.15,
            ["Alexander", "Dmitri", "Sergej", "Andrej", "Nikolai", "Wladimir", "Jewgeni", "Maxim", "Artjom", "Pawel", "Viktor"],
            ["Olga", "Natalia", "Swetlana", "Tatjana", "Jelena", "Irina", "Anastasia", "Julia", "Walentina"],
            ["Iwanow", "Petrow", "Smirnow", "Kusnezow", "Popow", "Wolkow", "Sokolow", "Morosow", "Lebedew", "Nowikow", "Fedorow"]),
        new("ar", 0.12,
            ["Mohammed", "Ahmad", "Khaled", "Omar", "Ali", "Hassan", "Mahmoud", "Yousef", "Bilal", "Karim", "Samir", "Tarek"],
            ["Fatima", "Aisha", "Layla", "Nour", "Rania", "Amira", "Yasmin", "Hiba"],
            ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Saleh", "Nasser", "Hamdan", "Ibrahim", "Darwish", "Youssef", "Al-Ahmad", "Haidar"]),
        new("ku", 0.10,
            ["Azad", "Baran", "Dilşad", "Rojhat", "Serhat", "Zana", "Kawa", "Şiyar", "Rêber", "Welat"],
            ["Dilan", "Berfin", "Rojda", "Zilan", "Hêvî", "Ronahî", "Nesrin"],
            ["Aslan", "Ekinci", "Tekin", "Güneş", "Yıldız", "Rashid", "Sido", "Osso", "Hamo", "Bozkurt"]),
        new("ro", 0.10,
            ["Andrei", "Ionuț", "Mihai", "Florin", "Marius", "Adrian", "Cristian", "Gheorghe", "Bogdan", "Alexandru"],
            ["Elena", "Ioana", "Maria", "Andreea", "Mihaela", "Cristina", "Gabriela"],
            ["Popescu", "Ionescu", "Popa", "Radu", "Stan", "Dumitru", "Munteanu", "Stoica", "Constantin", "Lungu", "Marin"]),
        new("it", 0.08,
            ["Giuseppe", "Antonio", "Marco", "Luca", "Salvatore", "Francesco", "Alessandro", "Davide", "Vincenzo", "Matteo"],
            ["Giulia", "Francesca", "Chiara", "Maria", "Rosa", "Sara", "Alessia"],
            ["Russo", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Lombardi", "Caruso"]),
    ];

    /// <summary>Common German first names of people born before 1980 (Bogus' German list is mostly recent baby names).</summary>
    public static readonly string[] OlderMaleFirstNames =
        ["Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jens", "Dirk", "Carsten", "Torsten", "Matthias", "Markus", "Uwe", "Jörg", "Ralf", "Bernd"];

    public static readonly string[] OlderFemaleFirstNames =
        ["Sabine", "Andrea", "Claudia", "Susanne", "Silke", "Manuela", "Anja", "Tanja", "Petra", "Birgit", "Martina", "Kerstin"];

    /// <summary>Common German first names of people born 1980 to 1995.</summary>
    public static readonly string[] MiddleMaleFirstNames =
        ["Christian", "Daniel", "Sebastian", "Dennis", "Patrick", "Marco", "Sascha", "Tobias", "Kevin", "Marcel", "Dominik", "Florian", "René", "Timo", "Sven"];

    public static readonly string[] MiddleFemaleFirstNames =
        ["Nicole", "Stefanie", "Sandra", "Melanie", "Katrin", "Daniela", "Christina", "Julia", "Jennifer", "Jessica", "Sarah", "Nadine", "Janina", "Vanessa"];

    /// <summary>Real street names of Ludwigshafen am Rhein with a postal code of the district they run through.</summary>
    public static readonly (string Street, string PostalCode, double Weight)[] CityStreets =
    [
        // Mitte, West
        ("Bismarckstraße", "67059", 3), ("Ludwigstraße", "67059", 3), ("Kaiser-Wilhelm-Straße", "67059", 2),
        ("Heinigstraße", "67059", 2), ("Maxstraße", "67059", 1), ("Wredestraße", "67059", 1),
        ("Bahnhofstraße", "67059", 1), ("Oggersheimer Straße", "67059", 2), ("Bayreuther Straße", "67059", 1),
        // Süd
        ("Rheinuferstraße", "67061", 1), ("Saarlandstraße", "67061", 2), ("Wittelsbachstraße", "67061", 2),
        ("Mundenheimer Straße", "67061", 2), ("Zollhofstraße", "67061", 1),
        // Nord / Hemshof, Friesenheim
        ("Prinzregentenstraße", "67063", 2), ("Rohrlachstraße", "67063", 2), ("Hohenzollernstraße", "67063", 2),
        ("Frankenthaler Straße", "67063", 2), ("Raschigstraße", "67063", 1), ("Sternstraße", "67063", 1),
        // Mundenheim, Gartenstadt
        ("Rheingönheimer Straße", "67065", 1), ("Maudacher Straße", "67065", 1),
        // Maudach, Rheingönheim
        ("Hauptstraße", "67067", 1),
        // Oppau, Edigheim, Pfingstweide
        ("Edigheimer Straße", "67069", 1), ("Oppauer Straße", "67069", 1),
        // Oggersheim, Ruchheim
        ("Mannheimer Straße", "67071", 1), ("Schillerstraße", "67071", 1),
    ];

    /// <summary>Places just outside the city: not in the target group, a team lead decides.</summary>
    public static readonly (string City, string PostalCode, string Street, string AreaCode)[] OutsidePlaces =
    [
        ("Mannheim", "68159", "Jungbuschstraße", "0621"),
        ("Frankenthal", "67227", "Wormser Straße", "06233"),
        ("Speyer", "67346", "Landauer Straße", "06232"),
        ("Limburgerhof", "67117", "Speyerer Straße", "06236"),
    ];

    public static readonly string[] MobilePrefixes =
        ["0151", "0152", "0157", "0160", "0162", "0170", "0171", "0172", "0173", "0174", "0175", "0176", "0177", "0178", "0179"];

    /// <summary>Reserved example domains (RFC 2606), so that no generated address reaches a real mailbox.</summary>
    public static readonly string[] MailDomains = ["example.com", "example.org", "example.net"];

    public const string MainPurpose =
        "Gemeinsame Hilfeplanung und Abstimmung der Unterstützung zwischen Jobcenter und Drogenhilfe";

    public static readonly string[] OtherPurposes =
    [
        "Abstimmung des Hilfeplans, Terminkoordination und Vermittlung in weiterführende Hilfen im Rahmen der Kooperation von Jobcenter und Drogenhilfe",
        "Gemeinsame Fallbesprechungen zur schrittweisen beruflichen Eingliederung",
    ];

    public static readonly string[] RevocationNotes =
    [
        "Widerruf mündlich im Beratungsgespräch erklärt, schriftlich bestätigt.",
        "Schriftlicher Widerruf per Post eingegangen.",
        "Kl. wünscht keinen Austausch mehr zwischen Jobcenter und Drogenhilfe.",
        "Widerruf nach Wechsel in eine andere Beratungsstelle.",
    ];

    public static readonly string[] SecondaryDiagnoses = ["F17.2", "F17.2", "F17.2", "F43.1", "F17.2, F43.1"];

    public static readonly string[] ConditionsImposed =
    [
        "Auflage des Amtsgerichts: regelmäßige Urinkontrollen",
        "Bewährungsauflage: regelmäßiger Kontakt zur Suchtberatung, Nachweis an die Bewährungshilfe",
        "Therapieauflage nach § 35 BtMG (Zurückstellung der Strafvollstreckung)",
        "Auflage der Fahrerlaubnisbehörde: Abstinenznachweis über zwölf Monate",
    ];

    /// <summary>Internal notes of the Jobcenter (never shown to the Drogenhilfe).</summary>
    public static readonly string[] JobcenterNotes =
    [
        "Kooperationsplan besprochen und fortgeschrieben. Kl. bewirbt sich weiter auf Helfertätigkeiten in der Lagerlogistik; zwei Bewerbungen nachgewiesen.",
        "Termin nicht wahrgenommen, telefonisch nicht erreichbar. Vor weiteren Schritten Rücksprache mit der Fachkraft der Drogenhilfe vereinbart.",
        "Weiterbewilligungsantrag fristgerecht eingegangen; fehlende Kontoauszüge werden bis Monatsende nachgereicht.",
        "Vermittlungsvorschlag Helfer im Garten- und Landschaftsbau ausgehändigt. Kl. meldet sich nach dem Vorstellungsgespräch.",
        "Kl. ist an einer Arbeitsgelegenheit interessiert; Angebot beim Maßnahmeträger angefragt.",
        "Gemeinsames Gespräch mit der Drogenhilfe: Aufnahme einer Beschäftigung derzeit nicht realistisch, Schwerpunkt bleibt Stabilisierung.",
        "Kl. hat die Qualifizierung mit Staplerschein begonnen; Fahrtkosten bewilligt.",
        "Bewerbungsunterlagen gemeinsam überarbeitet, Lebenslauf aktualisiert. Nächster Termin in vier Wochen.",
        "Jugendberufsagentur einbezogen; Beratungstermin zur Ausbildungsplatzsuche vereinbart.",
        "Arbeitsunfähigkeitsbescheinigung liegt vor. Nächstes Gespräch nach Ende der AU.",
        "Umzug innerhalb Ludwigshafens angezeigt; Unterlagen zu den Kosten der Unterkunft angefordert.",
        "Kl. möchte nach der Reha in Teilzeit einsteigen. Arbeitgeberkontakte aus dem Reinigungsgewerbe geprüft.",
        "Schlichtungsverfahren nicht nötig: Einigung über die nächsten Schritte im Kooperationsplan erzielt.",
        "Kl. berichtet von Schulden aus Handyverträgen; Hinweis auf die Schuldnerberatung gegeben.",
    ];

    /// <summary>Confidential counselling notes of the Drogenhilfe (never shown to the Jobcenter).</summary>
    public static readonly string[] DrugHelpNotes =
    [
        "Beratungsgespräch geführt. Kl. berichtet von stabilem Verlauf, Termine in der Substitutionspraxis werden eingehalten.",
        "Kl. wirkte im Gespräch angespannt, die Wohnsituation belastet sehr. Nächster Termin in zwei Wochen vereinbart.",
        "Begleitung zur Schuldnerberatung abgesprochen; Unterlagen bringt Kl. zum nächsten Termin mit.",
        "Rückfall nach längerer abstinenter Phase offen angesprochen. Motivation für ambulante Reha besteht weiterhin.",
        "Aufsuchender Kontakt am Berliner Platz. Kl. nimmt das Angebot eines Beratungstermins an.",
        "Antrag auf Entwöhnungsbehandlung vorbereitet, Sozialbericht in Arbeit. Kostenzusage der Rentenversicherung steht noch aus.",
        "Kl. nach Entgiftung zurück; Übergang in die Nachsorge besprochen.",
        "Begleitung zum Termin beim Hausarzt; Hepatitis-C-Test angeboten und vereinbart.",
        "Kl. sagt Termin telefonisch ab, neuer Termin vereinbart. Kein Hinweis auf Krise.",
        "Gespräch zu Tagesstruktur und Zielen geführt. Kl. möchte wieder arbeiten, traut sich aber eine Vollzeitstelle noch nicht zu.",
        "Kontakt zur Wohnungslosenhilfe hergestellt, Vorstellungstermin in der Notunterkunft begleitet.",
        "Krisengespräch nach Konflikt in der Familie. Kl. wirkte am Ende entlastet; Nachfrage in drei Tagen vereinbart.",
        "Substitutionsplatz weiterhin gesucht; Warteliste der Praxis in der Innenstadt angefragt.",
        "Kl. berichtet, seit sechs Wochen keinen Konsum; Urinkontrollen unauffällig.",
    ];
}
