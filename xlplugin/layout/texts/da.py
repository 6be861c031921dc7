"""Every Danish text the product shows. Keys are built by xlplugin.layout.spec."""

TEXTS: dict[str, object] = {
    # --- Sheets (Excel allows at most 31 characters) --------------------------
    "sheet.start": "Start",
    "sheet.step1": "1 Afklaring",
    "sheet.step2": "2 Behov og ressourcer",
    "sheet.step3": "3 Samspil",
    "sheet.step4": "4 Platforme",
    "sheet.step5": "5 Vedligehold",
    "sheet.themes": "Temaer",
    "sheet.catalog": "Katalog",
    "sheet.findings": "Kontrol",
    "sheet.lists": "Lister",
    # --- Excel table names (no spaces; shown in Excel's name box) -------------
    "table.facts": "Projekt",
    "table.groups": "Beboergrupper",
    "table.purposes": "SocialeFormaal",
    "table.characteristics": "Karakteristika",
    "table.entries": "BehovRessourcer",
    "table.themes": "Temaer",
    "table.interactions": "Samspil",
    "table.platforms": "Platforme",
    "table.criteria": "Kriterier",
    "table.requirements": "KravFysiskUdformning",
    "table.maintenance": "Vedligeholdelsesplan",
    "table.constraints": "Virkelighedstjek",
    "table.catalog": "Platformkatalog",
    "table.findings": "Fund",
    # --- Headings and one-line help above each table --------------------------
    "title.facts": "Projektets fakta",
    "intro.facts": "Udfyld kolonnen Værdi. Projektets navn står i sidefoden, når I udskriver.",
    "title.groups": "Beboergrupper",
    "intro.groups": "Én række pr. beboergruppe, i byggeriet eller i lokalområdet. Beskriv grupper, aldrig enkeltpersoner.",
    "title.purposes": "Byggeriets sociale formål",
    "intro.purposes": "Hvilke sociale formål skal byggeriet fremme? Aftal dem med beboerne, kommunen og de lokale aktører.",
    "title.characteristics": "Byggeriets karakteristika",
    "intro.characteristics": (
        "Den røde tråd gennem byggeriet, fx fysisk aktivitet, der kan samle udsatte unge. Markér dem, I "
        "vælger, og tilføj jeres egne."
    ),
    "title.entries": "Udækkede behov, ressourcer og interesser",
    "intro.entries": (
        "Én række pr. behov, ressource eller interesse hos en gruppe. Vælg gruppen på listen; den viser "
        "grupperne fra trin 1."
    ),
    "title.themes": "Temaer",
    "intro.themes": "Temaerne sorterer behov og ressourcer, så de kan kobles. Tilføj gerne jeres egne temaer og nøgleord.",
    "title.interactions": "Samspilsmuligheder",
    "intro.interactions": (
        "De grå kolonner udfyldes, når I genererer samspil. Kolonnerne Valgt og Kommentar er jeres og "
        "bevares. Tilføj egne samspil nederst."
    ),
    "title.platforms": "Vurdering af platforme",
    "intro.platforms": (
        "Én række pr. mulig platform med point fra 1 til 5 pr. kriterium. Pointene beregnes, når I foreslår "
        "platforme, og I kan rette dem. Samlet vægter dem med vægtene på arket 4 Krav og vægte. Markér de "
        "valgte."
    ),
    "title.criteria": "Kriterier og vægte",
    "intro.criteria": (
        "Vægtene bestemmer, hvor meget hvert kriterium tæller i kolonnen Samlet på arket 4 Platforme. En vægt "
        "på 0 betyder, at kriteriet ikke tæller."
    ),
    "title.requirements": "Krav til byggeriets almindelige fysiske udformning",
    "intro.requirements": "Folderens tre krav står her fra start. Tilføj jeres egne, og markér dem, I vil stille.",
    "title.maintenance": "Plan for social vedligeholdelse",
    "intro.maintenance": (
        "Én række pr. valgt platform: hvem sætter den i gang og holder liv i den, hvor ofte, hvad koster det, "
        "og hvornår følger I op?"
    ),
    "title.constraints": "Mødet med virkeligheden",
    "intro.constraints": (
        "Skriv tekniske, økonomiske, politiske og organisatoriske begrænsninger ned, så tidligt som muligt, "
        "og hvilket trin de sender jer tilbage til."
    ),
    "title.catalog": "Platforme i kataloget",
    "intro.catalog": "Platforme til inspiration. Ret og tilføj frit; kataloget bruges, når I foreslår platforme.",
    "title.findings": "Resultat af seneste validering",
    "intro.findings": (
        "Her står, hvad der mangler eller bør rettes, når I har valideret projektmappen. Klik på en celle for "
        "at springe derhen. Arket skrives forfra ved hver validering."
    ),
    # --- Column headers -------------------------------------------------------
    "col.facts.field": "Felt",
    "col.facts.value": "Værdi",
    "col.groups.name": "Beboergruppe",
    "col.groups.location": "Hvor",
    "col.groups.share_pct": "Andel i %",
    "col.groups.culture_bearing": "Kulturbærende",
    "col.groups.age": "Alder",
    "col.groups.education": "Uddannelse",
    "col.groups.employment": "Beskæftigelse",
    "col.groups.other": "Andet der kendetegner gruppen",
    "col.groups.source": "Kilde til viden",
    "col.purposes.purpose": "Socialt formål",
    "col.purposes.target_group": "Målgruppe",
    "col.purposes.priority": "Prioritet",
    "col.characteristics.name": "Karakteristikum",
    "col.characteristics.description": "Hvad betyder det for byggeriet?",
    "col.characteristics.chosen": "Valgt",
    "col.entries.group": "Beboergruppe",
    "col.entries.kind": "Art",
    "col.entries.theme": "Tema",
    "col.entries.description": "Beskrivelse",
    "col.entries.method": "Metode eller kilde",
    "col.entries.priority": "Prioritet",
    "col.entries.suggested_theme": "Foreslået tema",
    "col.entries.nature": "Ressourcens art",
    "col.themes.name": "Tema",
    "col.themes.description": "Beskrivelse",
    "col.themes.keywords": "Nøgleord",
    "col.interactions.id": "ID",
    "col.interactions.type": "Samspilsform",
    "col.interactions.groups": "Grupper",
    "col.interactions.need": "Behov",
    "col.interactions.resource": "Ressource",
    "col.interactions.theme": "Tema",
    "col.interactions.scope": "Internt/eksternt",
    "col.interactions.score": "Point",
    "col.interactions.reasoning": "Begrundelse",
    "col.interactions.purposes": "Tjener formål",
    "col.interactions.origin": "Oprindelse",
    "col.interactions.status": "Status",
    "col.interactions.selected": "Valgt",
    "col.interactions.comment": "Kommentar",
    "col.interactions.link": "Kobling (1-5)",
    "col.interactions.points": "Pointenes grundlag",
    "col.interactions.caution": "Obs",
    "col.platforms.name": "Platform",
    "col.platforms.type": "Type",
    "col.platforms.interactions": "Samspil den understøtter",
    "col.platforms.strengths": "Styrker",
    "col.platforms.weaknesses": "Svagheder",
    "col.platforms.total": "Samlet",
    "col.platforms.selected": "Valgt",
    "col.platforms.comment": "Kommentar",
    "col.criteria.name": "Kriterium",
    "col.criteria.weight": "Vægt",
    "col.criteria.description": "Hvad giver høje point?",
    "col.requirements.requirement": "Krav",
    "col.requirements.from_folder": "Fra folderen",
    "col.requirements.chosen": "Valgt",
    "col.requirements.comment": "Kommentar",
    "col.maintenance.platform": "Platform",
    "col.maintenance.maintainer": "Hvem vedligeholder",
    "col.maintenance.startup": "Igangsætning",
    "col.maintenance.frequency": "Hyppighed",
    "col.maintenance.budget": "Budget pr. år (kr.)",
    "col.maintenance.review_date": "Opfølgningsdato",
    "col.maintenance.success_criterion": "Succeskriterium",
    "col.constraints.constraint": "Begrænsning",
    "col.constraints.category": "Art",
    "col.constraints.back_to_step": "Tilbage til trin",
    "col.constraints.action": "Handling",
    "col.catalog.name": "Platform",
    "col.catalog.type": "Type",
    "col.catalog.themes": "Temaer",
    "col.catalog.interaction": "Samspil",
    "col.catalog.strengths": "Styrker",
    "col.catalog.weaknesses": "Svagheder",
    "col.catalog.economy": "Økonomi",
    "col.catalog.maintainer": "Typisk vedligeholder",
    "col.findings.severity": "Alvorlighed",
    "col.findings.sheet": "Ark",
    "col.findings.cell": "Celle",
    "col.findings.problem": "Hvad er der galt",
    "col.findings.advice": "Det kan I gøre",
    # --- Input prompts (Excel: at most 255 characters) -------------------------
    "help.groups.name": (
        "Et kort navn for gruppen, fx »Seniorer«, »Børnefamilier« eller »Lokal idrætsforening«. Navnet bruges "
        "i listerne på de andre ark."
    ),
    "help.groups.location": (
        "Vælg I byggeriet, hvis gruppen bor (eller skal bo) i byggeriet, og I lokalområdet for naboer, skoler "
        "og foreninger omkring det."
    ),
    "help.groups.share_pct": (
        "Gruppens andel af husstandene i byggeriet i procent, fx 25. Andelene for grupperne i byggeriet må "
        "tilsammen højst give 100. Lad feltet stå tomt for grupper i lokalområdet."
    ),
    "help.groups.culture_bearing": "Ja, hvis gruppen er blandt de kulturbærende: dem, der sætter tonen og trækker det sociale liv i byggeriet.",
    "help.groups.age": "Gruppens typiske alder, fx »65+ år« eller »forældre 25-45 år, børn 0-15 år«.",
    "help.groups.education": "Gruppens typiske uddannelse, fx »blandet«, »erhvervsuddannelse« eller »studerende«.",
    "help.groups.employment": "Gruppens typiske beskæftigelse, fx »mest i arbejde«, »pensionister« eller »studerende«.",
    "help.groups.other": (
        "Andet, der kendetegner gruppen: hverdag, ønsker, særlige behov. Fx »travl hverdag med børn, arbejde "
        "og hentning«."
    ),
    "help.groups.source": (
        "Hvor jeres viden om gruppen kommer fra. Vælg på listen, fx Interview med beboere. KÅS-tal er "
        "Danmarks Statistiks tal om beboerne i boligområdet."
    ),
    "help.purposes.purpose": (
        "Et socialt formål, byggeriet skal fremme, skrevet som en handling. Fx »Bekæmpe social isolation "
        "blandt ældre beboere«."
    ),
    "help.purposes.target_group": (
        "Den beboergruppe, formålet især gælder, fx Seniorer. Vælg på listen (grupperne fra tabellen "
        "ovenfor), eller lad feltet stå tomt, hvis formålet gælder alle."
    ),
    "help.purposes.priority": (
        "Hvor vigtigt formålet er: Høj, Middel eller Lav. Formål med høj prioritet tæller mest, når "
        "platformene får point."
    ),
    "help.characteristics.name": "Et kort ord for et karakteristikum, fx »Fællesskab«, »Grønt« eller »Fysisk aktivitet«.",
    "help.characteristics.description": (
        "Hvad karakteristikummet betyder for byggeriet, og hvilket formål det tjener. Fx »Fysisk aktivitet: "
        "baner og redskaber i gårdrummet, der kan samle udsatte unge om noget positivt«."
    ),
    "help.characteristics.chosen": (
        "Ja, hvis I vælger karakteristikummet for byggeriet. Samspil, der passer til et valgt "
        "karakteristikum, får ekstra point."
    ),
    "help.entries.group": (
        "Vælg gruppen på listen, fx Børnefamilier. Listen viser grupperne fra arket 1 Afklaring; mangler en "
        "gruppe, så tilføj den dér først."
    ),
    "help.entries.kind": (
        "Udækket behov (noget gruppen mangler), Ressource (noget gruppen kan give) eller Interesse (noget "
        "gruppen gerne vil dele med andre)."
    ),
    "help.entries.theme": "Vælg det tema, der passer bedst, fx Børnepasning. Står feltet tomt, foreslås et tema, når I genererer samspil.",
    "help.entries.description": (
        "Behovet, ressourcen eller interessen med almindelige ord. Fx »Hjælp til at hente og passe børn« "
        "eller »Ledig og fleksibel tid«."
    ),
    "help.entries.method": "Hvordan I ved det. Fx »interview med beboere«, »besøg hos beboere« eller »seniororganisation«.",
    "help.entries.priority": "Hvor vigtigt det er for gruppen: Høj, Middel eller Lav. Behov med høj prioritet giver samspillet flere point.",
    "help.entries.nature": (
        "Kun for ressourcer: Person (evner, tid), Lokale eller facilitet, eller Tilbud fra en organisation. "
        "Står feltet tomt, læses det ud fra beskrivelsen."
    ),
    "help.themes.name": "Temaets navn, som det vises på listen i kolonnen Tema på arket 2 Behov og ressourcer. Fx »Børnepasning«.",
    "help.themes.keywords": (
        "Ord, der peger på temaet, adskilt af komma. Fx »barnepige, hente, aflevere, passe«. Bruges til at "
        "foreslå et tema ud fra en beskrivelse."
    ),
    # --- Temakoblinger og samspil (trin 3) ---
    "table.theme_links": "Temakoblinger",
    "title.theme_links": "Hvilke ressourcer kan dække hvilke behov",
    "intro.theme_links": (
        "Samme tema hos ressource og behov passer altid (5). Her står, hvad der ellers kan dække et behov: 5 "
        "= lige så godt, 1 = svagt, 0 = slet ikke."
    ),
    "col.theme_links.resource_theme": "Ressourcens tema",
    "col.theme_links.need_theme": "Behovets tema",
    "col.theme_links.strength": "Hvor godt (0-5)",
    "col.theme_links.note": "Hvorfor",
    "help.theme_links.resource_theme": "Temaet for en ressource, fx Ledig og fleksibel tid. Vælg på listen.",
    "help.theme_links.need_theme": "Temaet for det behov, ressourcen kan dække, fx Børnepasning. Vælg på listen.",
    "help.theme_links.strength": "Hvor godt ressourcen dækker behovet: 5 = lige så godt som samme tema, 1 = svagt, 0 = slet ikke. Fx 4.",
    "help.theme_links.note": (
        "Hvorfor ressourcen kan dække behovet, kort. Fx »tid og fleksibilitet gør det muligt at hente og "
        "passe børn«. Bruges i begrundelsen på arket 3 Samspil."
    ),
    "matrix.title": "Matrix: udækkede behov og ressourcer pr. gruppe",
    "matrix.intro": "Opdateres, når I genererer samspil. Skriv ikke her; ret i tabellen til venstre.",
    "matrix.corner": "Gruppe",
    "matrix.row.need": "Udækkede behov",
    "matrix.row.resource": "Ressourcer",
    "matrix.row.interest": "Interesser",
    "matrix.local_area": "{group} (lokalområdet)",
    "matrix.more": "… og {n} flere",
    "reason.and": "og",
    "reason.more_items": "{items} (+{n} flere)",
    "reason.group_items": "{group}: {items}",
    "reason.mutual.same": "{giver} kan hjælpe {receiver} med {theme}.",
    "reason.mutual.link": "{giver} kan hjælpe {receiver} med {theme} gennem {resource_theme}.",
    "reason.mutual.note": "{giver} kan hjælpe {receiver} med {theme}: {note}.",
    "reason.mutual.hands": "{giver} kan give {receiver} en hånd som frivillige.",
    "reason.also": "Det giver samtidig {receiver} {themes}.",
    "reason.both_ways": "Til gengæld kan {receiver} hjælpe med {theme}.",
    "reason.both_ways.more": "Til gengæld kan {receiver} hjælpe med {theme} og {n} andre ting.",
    "reason.both_ways.one_more": "Til gengæld kan {receiver} hjælpe med {theme} og én ting mere.",
    "reason.useful": "{giver} får samtidig lov til at gøre nytte.",
    "reason.common_solution": "{groups} mangler alle {theme} og kan løse det sammen, fx med en fælles platform.",
    "reason.common_third": "{groups} kan samles om {theme} som et fælles tredje, bare fordi.",
    "reason.third_meets": "Samtidig kan {theme} give {groups} {themes}.",
    "reason.characteristic": "Det passer til byggeriets karakteristik {characteristics}.",
    "reason.suggested": "Temaet er gættet ud fra »{description}«: tjek det på arket {sheet}.",
    "reason.caution": "Obs: {giver} er en sårbar gruppe. Aftal støtte og faste rammer, før gruppen tager ansvar for {theme}.",
    "reason.either": "{first} eller {second}?",
    "reason.maybe": "{theme}?",
    "reason.number": "{whole},{tenth}",
    "reason.points": "{parts} = {total} af {maximum}",
    "reason.points.part": "{what} {points}",
    "reason.points.link": "kobling",
    "reason.points.both_ways": "begge veje",
    "reason.points.useful": "gør nytte",
    "reason.points.priority": "høj prioritet",
    "reason.points.purposes": "formål",
    "reason.points.together": "fælles grundlag",
    "reason.points.groups": "flere grupper",
    "reason.points.characteristic": "karakteristik",
    "reason.points.meets_needs": "dækker behov",
    "msg.match.summary": (
        "{new} nye samspil, {updated} opdateret, {outdated} forældet, {removed} fjernet og {unchanged} "
        "uændret ({total} rækker på arket {sheet})."
    ),
    "msg.match.suggested": "{n} rækker uden tema på arket {sheet} har fået et forslag til tema i kolonnen {column}.",
    "msg.match.matrix": "Matrixen over behov og ressourcer på arket {sheet} er opdateret.",
    "msg.match.no_entries": "Der er ingen behov, ressourcer eller interesser på arket {sheet}. Skriv dem først, og generér samspil igen.",
    "msg.match.package_themes": "Projektmappen har ikke {what} på arket {sheet}, så de indbyggede er brugt.",
    "msg.match.what.themes": "temaer",
    "msg.match.what.theme_links": "tabellen over, hvilke ressourcer der kan dække hvilke behov,",
    "msg.match.failed": "Samspillene kunne ikke genereres ({reason}). Filen er ikke ændret. Send gerne filen til jeres it-support.",
    "msg.match.unsure": (
        "{n} rækker uden tema på arket {sheet} fik intet sikkert forslag og er ikke med i samspillene. Vælg "
        "et tema i række {rows}."
    ),
    "msg.match.left_out": "{n} svagere forslag er udeladt (der vises højst {limit} rækker).",
    "msg.match.too_many": (
        "Der er for mange kombinationer at sammenligne: {groups} grupper giver {candidates} mulige par af "
        "behov og ressourcer (højst {limit}). Saml grupperne i færre og bredere grupper, og generér samspil "
        "igen."
    ),
    "choice.nature.person": "Person (evner, tid)",
    "choice.nature.facility": "Lokale eller facilitet",
    "choice.nature.offer": "Tilbud fra en organisation",
    "match.extra_column": "Kolonne {n}",
    "cli.match.help": "Generér samspil på arket 3 Samspil ud fra behov og ressourcer (trin 3).",
    "cli.match.path": "Projektmappen (.xlsx), der skal opdateres.",
    "help.interactions.selected": "Ja, hvis I vil arbejde videre med samspillet. Platformene på trin 4 vurderes ud fra de valgte samspil.",
    "help.interactions.comment": "Jeres egen kommentar, fx »Aftal med skolen«. Den bevares, når I genererer samspil igen.",
    "help.interactions.type": (
        "Samspilsformen: Det fælles tredje, Fælles løsning eller Drage nytte af hinandens ressourcer. Vælg "
        "selv for en række, I tilføjer."
    ),
    "help.interactions.scope": "Internt: mellem grupperne i byggeriet. Eksternt: med beboere og aktører i lokalområdet.",
    "help.interactions.link": (
        "Hvor godt ressourcen passer til behovet: 5 = samme tema, 3-4 = tæt beslægtet, 1-2 = løst beslægtet "
        "(se arket Temaer)."
    ),
    "help.interactions.score": "Samspillets point fra 0 til 10. Kolonnen Pointenes grundlag viser, hvad de består af.",
    "help.interactions.caution": "Det, I bør tjekke: en sårbar gruppe, der skal give omsorg, eller et tema, der kun er gættet ud fra teksten.",
    "help.platforms.name": "Platformens navn, fx »Fælleskøkken«, »Madordning« eller »Beboer-app«.",
    "help.platforms.type": "Fysisk (en facilitet), Indholdsmæssig (en aktivitet) eller Digital.",
    "help.platforms.score": (
        "Point fra 1 (svagt) til 5 (stærkt), gerne med én decimal, fx 3,5. Pointene beregnes, når I foreslår "
        "platforme; retter I et tal, bevares jeres."
    ),
    "help.platforms.selected": "Ja, hvis platformen skal med i byggeriet. Vedligeholdelsesplanen på trin 5 laves for de valgte platforme.",
    "help.criteria.weight": (
        "Hvor meget kriteriet tæller i kolonnen Samlet: et tal fra 0 og op, fx 2 for dobbelt vægt. 0 betyder, "
        "at kriteriet ikke tæller."
    ),
    "help.requirements.chosen": "Ja, hvis kravet skal stilles til byggeriet.",
    "help.maintenance.platform": "Vælg en af platformene fra arket 4 Platforme, fx Madordning.",
    "help.maintenance.maintainer": (
        "Hvem der er bedst egnet til at sætte platformen i gang og holde liv i den. Vælg på listen, fx "
        "Afdelingsbestyrelsen."
    ),
    "help.maintenance.budget": "Det årlige beløb i kroner, fx 15000. Summen står i Budget i alt over tabellen.",
    "help.maintenance.review_date": "Datoen, hvor I ser på, om platformen virker, fx 01-06-2027.",
    "help.constraints.back_to_step": "Det trin, begrænsningen sender jer tilbage til, fx 4 Platforme. Ret trinet, og arbejd videre derfra.",
    "help.catalog.type": "Fysisk (en facilitet), Indholdsmæssig (en aktivitet) eller Digital.",
    # --- Dropdown error messages (Excel: title <= 32, text <= 225 characters) -
    "dv.error_title": "Vælg fra listen",
    "dv.error_list": "Værdien findes ikke på listen. Klik på pilen i cellen, og vælg en værdi.",
    "dv.error_dynamic": "Værdien findes ikke på listen. Tilføj den først på det ark, listen kommer fra, eller vælg en, der findes.",
    "dv.error_title_number": "Skriv et tal",
    "dv.error_percent": "Skriv en procent mellem 0 og 100, fx 25.",
    "dv.error_score": "Skriv et helt tal fra 0 til 5.",
    "dv.error_number": "Skriv et tal, der er 0 eller større.",
    "dv.error_title_date": "Skriv en dato",
    "dv.error_date": "Skriv en dato, fx 01-06-2027.",
    # --- Choices --------------------------------------------------------------
    "choice.yesno.yes": "Ja",
    "choice.yesno.no": "Nej",
    "choice.project_kind.new_build": "Nybyggeri",
    "choice.project_kind.renovation": "Omfattende renovering",
    "choice.phase.before_idea": "Før idéfasen",
    "choice.phase.idea": "Idéfase",
    "choice.phase.design": "Projektering",
    "choice.phase.construction": "Udførelse",
    "choice.phase.operation": "Drift og vedligehold",
    "choice.location.building": "I byggeriet",
    "choice.location.local_area": "I lokalområdet",
    "choice.source.own_data": "Organisationens egne data",
    "choice.source.statistics": "Danmarks Statistik (KÅS-tal)",
    "choice.source.interviews": "Interview med beboere",
    "choice.source.experts": "Eksperter",
    "choice.source.other": "Andet",
    "choice.priority.high": "Høj",
    "choice.priority.medium": "Middel",
    "choice.priority.low": "Lav",
    "choice.entry_kind.need": "Udækket behov",
    "choice.entry_kind.resource": "Ressource",
    "choice.entry_kind.interest": "Interesse",
    "choice.interaction_type.common_third": "Det fælles tredje",
    "choice.interaction_type.common_solution": "Fælles løsning",
    "choice.interaction_type.mutual_resources": "Drage nytte af hinandens ressourcer",
    "choice.scope.internal": "Internt",
    "choice.scope.external": "Eksternt",
    "choice.origin.generated": "Genereret",
    "choice.origin.manual": "Egen række",
    "choice.status.new": "Ny",
    "choice.status.updated": "Opdateret",
    "choice.status.unchanged": "Uændret",
    "choice.status.outdated": "Forældet",
    "choice.platform_type.physical": "Fysisk",
    "choice.platform_type.content": "Indholdsmæssig",
    "choice.platform_type.digital": "Digital",
    "choice.maintainer.residents": "Beboerne i fællesskab",
    "choice.maintainer.board": "Afdelingsbestyrelsen",
    "choice.maintainer.caretakers": "Ejendomsfunktionærerne",
    "choice.maintainer.volunteers": "Frivilligforeninger",
    "choice.maintainer.organisation": "Boligorganisationen",
    "choice.maintainer.municipality": "Kommunen",
    "choice.maintainer.other": "Andre",
    "choice.frequency.weekly": "Ugentligt",
    "choice.frequency.monthly": "Månedligt",
    "choice.frequency.quarterly": "Kvartalsvis",
    "choice.frequency.yearly": "Årligt",
    "choice.frequency.ongoing": "Løbende",
    "choice.constraint_category.technical": "Teknisk",
    "choice.constraint_category.economic": "Økonomisk",
    "choice.constraint_category.political": "Politisk",
    "choice.constraint_category.organisational": "Organisatorisk",
    "choice.step.1": "1 Afklaring",
    "choice.step.2": "2 Behov og ressourcer",
    "choice.step.3": "3 Samspil",
    "choice.step.4": "4 Platforme",
    "choice.step.5": "5 Vedligehold",
    "list.yesno": "Ja/nej",
    "list.project_kind": "Nybyggeri eller renovering",
    "list.phase": "Fase",
    "list.location": "Hvor",
    "list.source": "Kilde til viden",
    "list.priority": "Prioritet",
    "list.entry_kind": "Art",
    "list.nature": "Ressourcens art",
    "list.interaction_type": "Samspilsform",
    "list.scope": "Internt/eksternt",
    "list.origin": "Oprindelse",
    "list.status": "Status",
    "list.platform_type": "Platformtype",
    "list.maintainer": "Hvem vedligeholder",
    "list.frequency": "Hyppighed",
    "list.constraint_category": "Begrænsningens art",
    "list.step": "Trin",
    "list.groups": "Beboergrupper",
    "list.themes": "Temaer",
    "list.platforms": "Platforme",
    # --- Project fact labels --------------------------------------------------
    "fact.name": "Projektets navn",
    "fact.organisation": "Boligorganisation",
    "fact.department": "Afdeling",
    "fact.municipality": "Kommune",
    "fact.kind": "Nybyggeri eller renovering",
    "fact.phase": "Fase",
    "fact.responsible": "Ansvarlig",
    "fact.date": "Dato",
    # --- Guides above the tables ------------------------------------------------
    "guide.start.title": "Social innovation ved nybyggeri og omdannelser",
    "guide.start.purpose": (
        "Projektmappen fører jer gennem metodens fem trin, så det sociale liv tænkes ind i byggeriet fra "
        "starten: før idéfasen, før byggeriet eller renoveringen går i gang. Målet er et byggeri, hvor "
        "beboerne er trygge, kender og hjælper hinanden, både internt og med lokalområdet."
    ),
    "guide.start.method": [
        "Arbejd trin for trin. Hvert trin har sit eget ark med en kort vejledning øverst; klik på trinnet i oversigten nederst.",
        "Skriv i tabellerne. Hvor en celle har en liste, klikker I på pilen og vælger. Klik på en celle for at se, hvad I skal skrive.",
        "Inddrag bygherre, kommune og beboere som aktive deltagere i alle fem trin, ikke kun som modtagere af det færdige byggeri.",
        "Trinene hænger sammen, og virkeligheden sender jer ofte tilbage. Ret gerne i de tidligere trin undervejs.",
        "Med tilføjelsesprogrammet (fanen Social innovation) kan I validere projektmappen, generere samspil, foreslå platforme og lave en vedligeholdelsesplan. Uden det virker projektmappen som et almindeligt regneark.",
        "Projektmappen kan trygt sendes på mail, for den indeholder ingen makroer. Beskriv grupper, aldrig enkeltpersoner, og skriv ikke CPR-numre, mailadresser eller telefonnumre.",
    ],
    "guide.start.status_title": "De fem trin og jeres status",
    "guide.step1.title": "Trin 1: Afklaring af beboersammensætning, sociale formål og karakteristika",
    "guide.step1.purpose": (
        "Hvem bor, eller skal bo, i byggeriet? Hvilke sociale formål skal det tjene, og hvilke karakteristika "
        "skal kendetegne det, når det står færdigt?"
    ),
    "guide.step1.method": [
        "Få overblik over den viden, boligorganisationen allerede har, fx gennem administrationen og afdelingsbestyrelsen.",
        "Indhent KÅS-tal for boligområdet: Danmarks Statistiks tal om, hvem der bor der (alder, husstande, uddannelse, beskæftigelse og indkomst). Tallene fås hos Danmarks Statistik; Landsbyggefondens Beboerdata har lignende tal for den enkelte afdeling.",
        "Gennemfør nysgerrige, undersøgende interview med beboerne.",
        "Afklar de sociale formål sammen med beboere, lokale interessenter, eksperter og kommunen, fx på workshops.",
    ],
    "guide.step1.note": (
        "Alle skal behandles ligeværdigt, også selvom de ikke har samme evner, viden, indflydelse, økonomi "
        "eller magt. Alle parter indgår i fællesskabet på lige fod, både fysisk og socialt."
    ),
    "guide.step2.title": "Trin 2: Kortlægning af udækkede behov og ressourcer",
    "guide.step2.purpose": (
        "Kortlæg de udækkede behov og ressourcer, der findes blandt beboerne og i lokalområdet, i forhold til "
        "de sociale formål fra trin 1. Interesser, som grupper gerne vil dele, kan også skrives her."
    ),
    "guide.step2.method": [
        "Besøg nuværende eller kommende beboere, og afdæk deres livssituation, hverdag og forventninger.",
        "Tal med eksperter i målgruppen, fx handicaporganisationer, seniororganisationer og kriminalforsorgen.",
        "Afdæk, hvilke grupper, sociale initiativer og dynamikker i lokalområdet byggeriet kan spille sammen med.",
    ],
    "guide.step3.title": "Trin 3: Afdækning af samspilsmuligheder",
    "guide.step3.purpose": (
        "Brug behov og ressourcer fra trin 2 til at finde samspil mellem beboerne, internt i byggeriet og "
        "eksternt med lokalområdet."
    ),
    "guide.step3.method": [
        "Det fælles tredje: samspil, der ikke udspringer af behov, men øger livskvaliteten, bare fordi.",
        "Fælles løsning: flere grupper har samme udækkede behov og løser det sammen, fx sund kost eller motion.",
        "Drage nytte af hinandens ressourcer: én gruppes ressource dækker en anden gruppes behov, helst begge veje.",
    ],
    "guide.step4.title": "Trin 4: Platforme og fysiske rammer for social interaktion",
    "guide.step4.purpose": (
        "Fastlæg de platforme, byggeriet skal rumme for at understøtte samspillene fra trin 3: fysiske "
        "(faciliteter), indholdsmæssige (aktiviteter) og digitale. Byggeriet skal tilpasses beboerne, ikke omvendt."
    ),
    "guide.step4.method": [
        "Find mulige platforme. Se arket Katalog for inspiration.",
        "Gør klart, hvilke samspil, målgrupper og formål hver platform er rettet mod.",
        "Udvælg platforme ud fra styrker, svagheder, økonomi, indbyrdes samspil og andre forhold. Kravene til de fysiske rammer og vægtene står på arket 4 Krav og vægte.",
    ],
    "guide.step5.title": "Trin 5: Sikring af social interaktion og vedligeholdelse",
    "guide.step5.purpose": (
        "Selv gode fysiske rammer kræver, at samspillet sættes i gang og holdes ved lige. Social "
        "vedligeholdelse skal have samme prioritet som den bygningsmæssige."
    ),
    "guide.step5.method": [
        "Hvem vedligeholder? Beboerne i fællesskab, afdelingsbestyrelsen, ejendomsfunktionærerne, frivilligforeninger eller andre.",
        "Tænk nyt og eksperimentér: Giv fx afdelingsbestyrelsen en ny rolle, eller giv ejendomsfunktionæren sociale opgaver.",
        "Skab nye koncepter for at fremme et aktivt beboerskab, så ansvaret ikke hviler på få ildsjæle.",
        "Del jeres viden, og skriv begrænsningerne fra mødet med virkeligheden ned, så I kan justere de tidligere trin.",
    ],
    "guide.themes.title": "Temaer for behov og ressourcer",
    "guide.themes.purpose": (
        "Temaerne er de ord, behov og ressourcer kobles efter. Listen i kolonnen Tema på arket 2 Behov og "
        "ressourcer kommer herfra."
    ),
    "guide.themes.method": [
        "Ret eller tilføj temaer og nøgleord. Ændringerne bruges, næste gang I genererer samspil.",
        "Tabellen »Hvilke ressourcer kan dække hvilke behov« viser, hvad der ellers passer sammen, fx at ledig tid kan dække børnepasning.",
        "Arket kommer ikke med, når I udskriver hele projektmappen. Vil I udskrive det: Sidelayout > Udskriftsområde > Ryd udskriftsområde.",
    ],
    "guide.catalog.title": "Katalog over platforme",
    "guide.catalog.purpose": "Eksempler på platforme, byggeriet kan rumme. Brug dem som inspiration til arket 4 Platforme.",
    "guide.catalog.method": [
        "Tilføj jeres egne erfaringer, så kataloget vokser med hvert projekt.",
        "Arket kommer ikke med, når I udskriver hele projektmappen. Vil I udskrive det: Sidelayout > Udskriftsområde > Ryd udskriftsområde.",
    ],
    "guide.findings.title": "Kontrol af projektmappen",
    "guide.findings.purpose": "Resultatet af den seneste validering. Ret fejlene på arkene, og validér igen.",
    "guide.findings.method": [
        "Fejl skal rettes, advarsler bør I se på, og bemærkninger er gode råd.",
        "Arket kommer ikke med, når I udskriver hele projektmappen; rapporten viser de åbne fejl og advarsler først. Vil I udskrive arket: Sidelayout > Udskriftsområde > Ryd udskriftsområde.",
    ],
    "guide.method_heading": "Sådan gør I",
    "guide.note_heading": "Husk",
    # --- Start sheet ------------------------------------------------------------
    "start.col.step": "Trin",
    "start.col.what": "Hvad",
    "start.col.count": "Antal",
    "start.col.state": "Status",
    "start.state.done": "I gang",
    "start.state.todo": "Ikke startet",
    "status.groups": "Beboergrupper",
    "status.purposes": "Sociale formål",
    "status.entries": "Behov, ressourcer og interesser",
    "status.interactions": "Samspilsmuligheder",
    "status.selected_interactions": "Valgte samspil",
    "status.platforms": "Platforme",
    "status.selected_platforms": "Valgte platforme",
    "status.maintenance": "Planer for vedligeholdelse",
    "status.constraints": "Noterede begrænsninger",
    # --- Print ------------------------------------------------------------------
    "print.page": "Side &P af &N",
    "print.untitled": "Projektmappe",
    # --- Criteria (default names and descriptions) ------------------------------
    # --- The folder's requirements for the ordinary physical design ------------
    "requirement.folder": [
        "Gør op med opgangsprincippet i byggeriet.",
        "Lav fleksible rum til de sociale platforme, da behovet for platforme ændrer sig over tid.",
        "Placér fællesmiljøer omkring boligerne i stedet for udelukkende i fælleshuse o.l.",
    ],
    "characteristic.folder": [
        "Kreativitet",
        "Fællesskab",
        "Grønt",
        "Mangfoldighed",
        "Tværgenerationelt",
        "Multikulturelt",
        "Fysisk aktivitet",
    ],
    # --- Command line -------------------------------------------------------------
    "cli.description": "Planlæg det sociale liv i et nyt eller renoveret alment boligbyggeri (fem trin).",
    "cli.new.help": "Opret en ny projektmappe.",
    "cli.new.path": "Filen, der skal oprettes (fx Projekt.xlsx).",
    "cli.new.example": "Skriv folderens gennemgående eksempel (børnefamilier og seniorer) ind i projektmappen.",
    "cli.new.force": "Overskriv filen, hvis den findes.",
    "cli.new.name": "Projektets navn.",
    "cli.metavar.command": "KOMMANDO",
    "cli.metavar.file": "FIL",
    "cli.metavar.folder": "MAPPE",
    "cli.lang": "Sprog: da (dansk, standard) eller en (engelsk).",
    "msg.created": "{path} er oprettet ({sheets} ark).",
    "msg.exists": "Filen {path} findes allerede. Vælg et andet navn, eller brug --force for at overskrive den.",
    "msg.bad_suffix": "{path} skal ende på .xlsx. Projektmapper gemmes som almindelige Excel-filer uden makroer.",
    "msg.no_folder": "Mappen {folder} findes ikke. Opret den først, eller vælg en anden placering.",
    "msg.cannot_write": "Kunne ikke skrive {path}: {reason}. Luk filen, hvis den er åben i Excel, og prøv igen.",
    "msg.error_prefix": "Fejl",
    "msg.unexpected": (
        "Fejl: der skete en uventet fejl ({reason}). Filen er ikke ændret. Detaljerne er gemt i {log}. Send "
        "den fil til jeres it-support, hvis fejlen bliver ved."
    ),
    # --- Reading and saving workbooks (issue 3) ----------------------------------
    "msg.not_found": "Filen {path} findes ikke. Tjek stien og navnet.",
    "msg.not_a_file": "{path} er en mappe, ikke en projektmappe. Angiv en .xlsx-fil.",
    "msg.cannot_read": "Kunne ikke læse {path}: {reason}. Tjek, at I har adgang til filen.",
    "msg.empty_file": (
        "Filen {path} er tom (0 byte). Den kan være blevet afbrudt under kopiering. Brug en tidligere kopi "
        "eller sikkerhedskopien (.bak)."
    ),
    "msg.encrypted": (
        "{path} er beskyttet med adgangskode. Åbn den i Excel, fjern adgangskoden under Filer > Oplysninger > "
        "Beskyt projektmappe, gem, og prøv igen."
    ),
    "msg.old_xls": (
        "{path} er i det gamle Excel-format (.xls). Åbn den i Excel, gem den som Excel-projektmappe (.xlsx), "
        "og prøv igen."
    ),
    "msg.not_xlsx": (
        "{path} er ikke en Excel-projektmappe (.xlsx), selvom navnet kan tyde på det. Det kan fx være en CSV- "
        "eller tekstfil. Åbn den i Excel, og gem den som .xlsx, eller opret en ny projektmappe."
    ),
    "msg.xlsb": (
        "{path} er gemt som binær Excel-projektmappe (.xlsb). Gem den som almindelig Excel-projektmappe "
        "(.xlsx), og prøv igen."
    ),
    "msg.corrupt": (
        "{path} er beskadiget eller ufuldstændig og kan ikke læses. Prøv at åbne den i Excel, som tilbyder at "
        "reparere den, eller brug sikkerhedskopien (.bak)."
    ),
    "msg.zip_bomb": (
        "{path} ville fylde over {mb} MB udpakket. Filen læses ikke, da den ikke ligner en almindelig "
        "projektmappe. Tjek, hvor den kommer fra."
    ),
    "msg.not_project": (
        "{path} er ikke en projektmappe fra xlplugin. Den har ikke arkene og tabellerne for de fem trin. "
        "Opret en ny projektmappe, og kopier indholdet over."
    ),
    "msg.sheet_missing": "Arket {sheet} findes ikke i projektmappen. Hvis det er omdøbt, så giv det navnet tilbage.",
    "msg.table_missing": "Tabellen {table} findes ikke på arket {sheet}. Hvis den er omdøbt eller lavet om til et almindeligt område, så giv den navnet tilbage (Tabeldesign > Tabelnavn).",
    "msg.file_locked": "{path} er åben i Excel (eller en anden har den åben), så den kan ikke skrives. Gem og luk den i Excel, og prøv igen.",
    "msg.file_changed": "{path} er blevet ændret, mens handlingen kørte. Intet er skrevet. Prøv igen.",
    "msg.read_failed": "Projektmappen kunne ikke læses færdig ({reason}). Filen er ikke ændret. Send gerne filen til jeres it-support.",
    "msg.saved": "Gemt i {path}. Den forrige udgave ligger i {backup}.",
    # --- Findings from reading (finding.X is what is wrong, advice.X what to do) -
    "finding.sheet_missing": "Arket {sheet_name} mangler, så tabellen {table} kan ikke læses.",
    "advice.sheet_missing": (
        "Hvis arket er omdøbt, så giv det navnet {sheet_name} tilbage. Er det slettet, så kopier det fra en "
        "ny projektmappe."
    ),
    "finding.optional_table_missing": "Tabellen {table} (Excel-tabellen {table_name}) findes ikke i projektmappen, så de indbyggede værdier bruges.",
    "advice.optional_table_missing": "Vil I rette i dem, så kopier tabellen {table_name} fra en ny projektmappe.",
    "finding.table_missing": "Tabellen {table} (Excel-tabellen {table_name}) blev ikke fundet på arket.",
    "advice.table_missing": "Giv tabellen navnet {table_name} tilbage (Tabeldesign > Tabelnavn), eller kopier tabellen fra en ny projektmappe.",
    "finding.merged_cells": "Cellerne {range} i tabellen {table} er flettet.",
    "advice.merged_cells": "Ophæv fletningen (Hjem > Flet og centrer), så hver celle har sin egen værdi.",
    "finding.typed_below": "{count} række(r) er skrevet lige under tabellen {table} i stedet for i den. De er læst med.",
    "advice.typed_below": "Træk tabellens nederste højre hjørne ned, så rækkerne kommer med i tabellen og får lister og formater.",
    "finding.column_missing": "Kolonnen {column} mangler i tabellen {table}.",
    "advice.column_missing": "Hvis overskriften er ændret, så skriv {column} igen i overskriftsrækken.",
    "finding.not_number": "{column}: cellen indeholder ikke et tal.",
    "advice.not_number": "Skriv et tal, fx 25 eller 25,5.",
    "finding.not_date": "{column}: cellen indeholder ikke en gyldig dato.",
    "advice.not_date": "Skriv datoen som dd-mm-åååå, fx 01-06-2027.",
    "finding.not_yesno": "{column}: cellen skal indeholde Ja eller Nej.",
    "advice.not_yesno": "Vælg Ja eller Nej på listen i cellen.",
    "finding.choice_unknown": "{column}: værdien findes ikke på listen.",
    "advice.choice_unknown": "Klik på pilen i cellen, og vælg en værdi på listen.",
    "finding.required_missing": "{column} skal udfyldes.",
    "advice.required_missing": "Udfyld cellen, eller slet rækken, hvis den ikke skal bruges.",
    "finding.row_unreadable": "En række i tabellen {table} kunne ikke læses.",
    "advice.row_unreadable": "Tjek rækkens værdier mod overskrifterne, og klik på cellerne for at se, hvad der skal stå.",
    # --- Findings from the rules (issue 3) ------------------------------------------
    "finding.share_range": "{column}: andelen skal være mellem 0 og 100 %.",
    "advice.share_range": "Skriv gruppens andel af husstandene i procent, fx 25.",
    "finding.shares_total": "Andelene for grupperne i byggeriet giver tilsammen {total} %, mere end 100 %.",
    "advice.shares_total": "Ret andelene i kolonnen {column}, så de tilsammen højst giver 100.",
    "finding.group_duplicate": "Gruppenavnet findes allerede i {first}.",
    "advice.group_duplicate": "Giv hver gruppe sit eget navn, eller slet den ene række.",
    "finding.group_without_entries": "Gruppen har hverken udækkede behov eller ressourcer på arket {step_sheet}.",
    "advice.group_without_entries": "Tilføj mindst ét behov eller én ressource for gruppen på arket {step_sheet}.",
    "finding.no_purpose": "Der er ikke skrevet noget socialt formål endnu.",
    "advice.no_purpose": "Skriv mindst ét socialt formål, som byggeriet skal fremme.",
    "finding.group_unknown": "{column}: gruppen findes ikke blandt beboergrupperne på arket 1 Afklaring.",
    "advice.group_unknown": "Vælg gruppen på listen i cellen, eller tilføj den først som beboergruppe.",
    "finding.group_unknown_in_list": "{column}: mindst én af grupperne findes ikke blandt beboergrupperne.",
    "advice.group_unknown_in_list": "Skriv gruppernes navne præcis som på arket 1 Afklaring, adskilt af komma.",
    "finding.theme_unknown": "{column}: temaet findes ikke på arket Temaer.",
    "advice.theme_unknown": "Vælg et tema på listen i cellen, eller tilføj temaet på arket Temaer.",
    "finding.platform_unknown": "{column}: platformen findes ikke på arket 4 Platforme.",
    "advice.platform_unknown": "Vælg platformen på listen i cellen, eller tilføj den først på arket 4 Platforme.",
    "finding.entry_duplicate": "Samme behov eller ressource for samme gruppe står allerede i {first}.",
    "advice.entry_duplicate": "Slet den ene række, eller gør beskrivelserne forskellige.",
    "finding.score_range": "{column}: point skal være et tal fra 1 til 5.",
    "advice.score_range": "Skriv et tal fra 1 (svagt) til 5 (stærkt), eller lad cellen stå tom.",
    "finding.weight_negative": "{column}: vægten må ikke være negativ.",
    "advice.weight_negative": "Skriv 0 eller et positivt tal. 0 betyder, at kriteriet ikke tæller.",
    "finding.weights_all_zero": "Alle kriteriernes vægte er 0, så Samlet kan ikke beregnes.",
    "advice.weights_all_zero": "Giv mindst ét kriterium en vægt over 0.",
    "finding.number_negative": "{column}: beløbet må ikke være negativt.",
    "advice.number_negative": "Skriv 0 eller et positivt beløb.",
    "finding.date_implausible": "{column}: datoen ligger uden for 1950-2100.",
    "advice.date_implausible": "Tjek årstallet, og skriv datoen som dd-mm-åååå.",
    "finding.catalog_incomplete": "Platformen i kataloget mangler: {columns}.",
    "advice.catalog_incomplete": "Udfyld de tomme felter, så platformen kan bruges, når I foreslår platforme.",
    "finding.platform_without_interaction": "En platform er valgt, men der er ikke valgt noget samspil på arket {step_sheet}.",
    "advice.platform_without_interaction": "Vælg først de samspil, platformene skal understøtte (kolonnen Valgt på arket {step_sheet}).",
    "finding.maintenance_unselected": "Der er en vedligeholdelsesplan for en platform, der ikke er valgt på arket {step_sheet}.",
    "advice.maintenance_unselected": "Markér platformen som valgt på arket {step_sheet}, eller slet planen.",
    "finding.platform_without_maintenance": "Den valgte platform har endnu ingen plan på arket {step_sheet}.",
    "advice.platform_without_maintenance": "Beskriv på arket {step_sheet}, hvem der sætter platformen i gang og holder liv i den.",
    "finding.text_too_long": "Teksten er {length} tegn; højst {limit} tegn passer i cellen.",
    "advice.text_too_long": "Forkort teksten, eller del den op i flere rækker.",
    "finding.privacy_cpr": "Cellen ser ud til at indeholde et CPR-nummer.",
    "advice.privacy_cpr": "Slet CPR-nummeret. Projektmappen sendes ofte på mail og skal beskrive grupper, ikke enkeltpersoner.",
    "finding.privacy_email": "Cellen ser ud til at indeholde en mailadresse.",
    "advice.privacy_email": "Slet mailadressen, eller skriv en rolle i stedet, fx afdelingsbestyrelsen.",
    "finding.privacy_phone": "Cellen ser ud til at indeholde et telefonnummer.",
    "advice.privacy_phone": "Slet telefonnummeret. Projektmappen sendes ofte på mail, så skriv hellere en rolle end en person.",
    "finding.findings_table_missing": "Tabellen til resultatet af valideringen mangler, så resultatet kunne ikke skrives i projektmappen.",
    "advice.findings_table_missing": (
        "Kør xlplugin validate på projektmappen, mens den er gemt og lukket; så laves arket {findings_sheet} "
        "igen. Knappen Validér i Excel kan ikke tilføje ark."
    ),
    # --- Validation: findings sheet and command line ---------------------------------
    "severity.error": "Fejl",
    "severity.warning": "Advarsel",
    "severity.note": "Bemærkning",
    "findings.none": "Intet at rette. Projektmappen er valideret uden fejl, advarsler og bemærkninger.",
    "validate.summary": "Fejl: {errors}. Advarsler: {warnings}. Bemærkninger: {notes}.",
    "validate.written": "Resultatet står på arket {sheet}, og cellerne med fejl og advarsler er markeret.",
    "validate.not_written": "Resultatet er ikke skrevet i projektmappen (--no-write).",
    "cli.validate.help": (
        "Validér en projektmappe, skriv resultatet på arket Kontrol, og vis det her. Afslutter med 0 (ingen "
        "fejl), 1 (fejl fundet) eller 2 (filen kunne ikke læses eller skrives)."
    ),
    "cli.validate.path": "Projektmappen, der skal valideres (.xlsx).",
    "cli.validate.no_write": "Vis kun resultatet; skriv ikke i projektmappen.",
    "finding.fact_missing": "{column} skal udfyldes.",
    "advice.fact_missing": "Skriv {column} i kolonnen {value_column} på arket {start_sheet}.",
    "finding.cell_error": "{column}: cellens formel giver en fejl (fx #DIVISION/0! eller #I/T).",
    "advice.cell_error": "Ret formlen, eller skriv værdien direkte i cellen.",
    # --- Excel add-in: ribbon (labels go into the add-in's VBA at build time) -------
    "ribbon.xlpluginTab.label": "Social innovation",
    "ribbon.grpProject.label": "Projektmappe",
    "ribbon.grpHelp.label": "Hjælp",
    "ribbon.grpStep3.label": "Trin 3: Samspil",
    "ribbon.new.label": "Ny projektmappe",
    "ribbon.new.screentip": "Opret en ny projektmappe",
    "ribbon.new.supertip": "Opretter en projektmappe med et ark pr. trin, lister og vejledning. I vælger, hvor den gemmes.",
    "ribbon.new.filename": "Projekt.xlsx",
    "ribbon.new.filter": "Excel-projektmappe (*.xlsx),*.xlsx",
    "ribbon.validate.label": "Validér",
    "ribbon.validate.screentip": "Kontrollér projektmappen",
    "ribbon.validate.supertip": (
        "Gennemgår alle trin for manglende eller forkerte oplysninger og viser resultatet på arket Kontrol "
        "med et link til hver celle."
    ),
    "ribbon.match.label": "Generér samspil",
    "ribbon.match.screentip": "Find samspilsmuligheder mellem grupperne",
    "ribbon.match.supertip": (
        "Kobler behov og ressourcer fra trin 2 og udfylder arket 3 Samspil. Jeres valg, kommentarer og egne "
        "rækker bevares."
    ),
    "ribbon.help.label": "Hjælp",
    "ribbon.help.screentip": "Sådan bruger I fanen Social innovation",
    "ribbon.help.supertip": "Viser, hvad knapperne gør, og hvilken version af tilføjelsesprogrammet og Python der bruges.",
    "ribbon.no_workbook": "Åbn en projektmappe, eller opret en ny med knappen Ny projektmappe, og prøv igen.",
    # --- Excel add-in: what a button press shows -----------------------------------
    "ribbon.title": "Social innovation",
    "ribbon.progress.start": "{action} …",
    "ribbon.progress.read": "{action}: læser {table} …",
    "ribbon.progress.write": "{action}: skriver {table} …",
    "ribbon.new.done": "{path} er oprettet.",
    "ribbon.new.exists": "Filen {path} findes allerede, og knappen overskriver aldrig en fil. Vælg et andet navn.",
    "ribbon.help.text": (
        "Fanen Social innovation hjælper jer gennem de fem trin.\n"
        "\n"
        "Ny projektmappe: opretter en projektmappe med et ark pr. trin.\n"
        "Validér: viser manglende eller forkerte oplysninger på arket Kontrol.\n"
        "Generér samspil: udfylder arket 3 Samspil ud fra behov og ressourcer.\n"
        "Foreslå platforme og Lav vedligeholdelsesplan: udfylder arkene 4 Platforme og 5 Vedligehold.\n"
        "\n"
        "Knapperne arbejder i den åbne projektmappe; gem selv, når I er tilfredse.\n"
        "\n"
        "Tilføjelsesprogram {addin_version}, xlplugin {version}, xlwings {xlwings}\n"
        "Python: {python}"
    ),
    "ribbon.error.title": "{action} kunne ikke gennemføres",
    "ribbon.error.unexpected": (
        "Der skete en uventet fejl: {reason}\n"
        "\n"
        "Detaljerne er gemt i {log}. Prøv igen. Bliver fejlen ved, så send den fil til jeres it-support."
    ),
    "ribbon.error.version": (
        "Tilføjelsesprogrammet er version {addin}, men Python-pakken xlplugin er version {package}. "
        "Kør  xlplugin addin install  i en kommandoprompt (Mac: Terminal), og genstart Excel."
    ),
    "ribbon.error.not_project": (
        "Projektmappen »{book}« er ikke lavet med Social innovation (arkene mangler). Åbn en projektmappe, "
        "eller opret en ny med knappen Ny projektmappe."
    ),
    # --- The Office.js add-in and the web page (issue 17) ----------------------------------
    "msg.snapshot.not_project": (
        "Projektmappen er ikke lavet med Social innovation (arkene mangler). "
        "Åbn en projektmappe, eller opret en ny med Ny projektmappe."
    ),
    "msg.snapshot.unsupported": (
        "Tilføjelsesprogrammet og dets Python-del er ikke samme version (version {expected} af projektmappens øjebliksbillede forventet). "
        "Luk Excel, og åbn det igen; hjælper det ikke, så bed IT om at opdatere tilføjelsesprogrammet."
    ),
    "web.error.unexpected": (
        "Der skete en uventet fejl: {reason}. Projektmappen er uændret. Prøv igen; sker det igen, "
        "så kontakt din IT-support (detaljerne står i browserens udviklerkonsol)."
    ),
    # --- The web page and the task pane (issue 17) ------------------------------------
    "web.page.title": "Social innovation – projektmappen i browseren",
    "web.page.intro": (
        "Kontrollér og udfyld en projektmappe uden Excel-tilføjelsesprogram og uden at installere noget. "
        "Filen bliver på din computer: den sendes ikke nogen steder hen."
    ),
    "web.page.lang_switch": "English",
    "web.page.step_file": "1. Vælg projektmappen",
    "web.page.drop": "Træk projektmappen (.xlsx) hertil, eller",
    "web.page.pick": "vælg en fil",
    "web.page.chosen": "Valgt: {name} ({size} kB)",
    "web.page.not_xlsx": "Vælg en Excel-projektmappe (en fil, der ender på .xlsx).",
    "web.page.step_actions": "2. Kør en handling",
    "web.page.actions_hint": "Handlingerne ændrer din kopi af projektmappen her i browseren. Bagefter henter du resultatet.",
    "web.page.about.validate": "Finder manglende eller forkerte oplysninger og skriver dem på arket Valideringsfund.",
    "web.page.about.match": "Trin 3: finder samspil mellem beboergrupperne ud fra behov og ressourcer.",
    "web.page.about.platforms": "Trin 4: vurderer platforme til de samspil, I har valgt.",
    "web.page.about.plan": "Trin 5: en vedligeholdelsesplan for de platforme, I har valgt.",
    "web.page.step_result": "3. Resultat",
    "web.page.download": "Hent projektmappen",
    "web.page.download_hint": "Den hentede fil har de ændringer, handlingerne har lavet. Åbn den i Excel eller LibreOffice.",
    "web.page.findings": "Fund fra valideringen",
    "web.page.no_findings": "Ingen fund: projektmappen er i orden.",
    "web.page.col.severity": "Alvor",
    "web.page.col.sheet": "Ark",
    "web.page.col.cell": "Celle",
    "web.page.col.what": "Hvad er galt",
    "web.page.col.advice": "Hvad du kan gøre",
    "web.page.loading": "Gør Python klar … Første gang kan det tage op til et halvt minut; derefter virker siden også uden net.",
    "web.page.ready": "Klar.",
    "web.page.running": "{action} kører …",
    "web.page.done": "{action} er færdig ({seconds} s).",
    "web.page.failed": "{action} kunne ikke gennemføres. Projektmappen er uændret. Genindlæs siden, og prøv igen.",
    "web.page.failed_start": "Python kunne ikke starte i denne browser. Brug en nyere udgave af Edge, Chrome, Firefox eller Safari, og genindlæs siden.",
    "web.page.privacy": "Intet forlader din computer: projektmappen behandles her i browseren.",
    "web.pane.title": "Social innovation",
    "web.pane.intro": "Knapperne på fanen Social innovation arbejder på den åbne projektmappe. Her ser du, hvordan det går.",
    "web.pane.new_done": "Den nye projektmappe er åbnet i et nyt vindue. Gem den, hvor du vil.",
    "web.pane.new_example": "Med folderens eksempel",
    "web.pane.unsupported": "Denne udgave af Excel kan ikke køre tilføjelsesprogrammet (det kræver Microsoft 365 eller Excel 2021 eller nyere).",
    "web.pane.help": (
        "Knapperne gør det samme som i tilføjelsesprogrammet til Excel på pc'en: Valider skriver fundene på arket Valideringsfund, "
        "Generér samspil udfylder 3 Samspil, Foreslå platforme udfylder 4 Platforme, og Lav vedligeholdelsesplan udfylder 5 Vedligehold. Lav rapport giver rapporten som Word-dokument, som du henter her i ruden. "
        "Flet kopier henter kollegernes kopier ind (du vælger filerne her i ruden). Python kører her i Excel; intet sendes nogen steder hen. Gem projektmappen, når du er tilfreds."
    ),
    "web.manifest.description": "Planlæg det sociale liv i et nyt eller omdannet alment boligområde efter folderens fem trin: valider projektmappen, find samspil, vurdér platforme og lav en vedligeholdelsesplan.",
    "web.manifest.new.tip": "Åbner en ny projektmappe i et nyt vindue med et ark pr. trin, lister og vejledning. Gem den, hvor du vil.",
    "web.manifest.validate.tip": "Gennemgår alle trin for manglende eller forkerte oplysninger og viser fundene på arket Valideringsfund med et link til hver celle.",
    "web.manifest.match.tip": "Kobler behov og ressourcer fra trin 2 og udfylder arket 3 Samspil. Jeres valg, kommentarer og egne rækker bevares.",
    "web.manifest.platforms.tip": "Vurderer kataloget for de samspil, I har valgt på trin 3, og udfylder 4 Platforme. Jeres valg, kommentarer, egne point og egne rækker bevares.",
    "web.manifest.plan.tip": "Skriver én række pr. valgt platform på 5 Vedligehold med forslag til vedligeholdere og folderens råd. Det, I selv har skrevet, bevares.",
    "web.manifest.overview.tip": "Tæller grupper, behov, ressourcer, samspil, platforme, vedligehold og budget op på arket Overblik; diagrammerne følger tallene.",
    "web.manifest.merge.tip": "Vælg kollegernes kopier af projektmappen (.xlsx): deres nye rækker kommer ind i denne, rækker, der er ændret begge steder, står side om side som konflikt, og arket Fletning siger, hvad der kom hvorfra. Kopierne ændres ikke.",
    "web.pane.merge_pick": "Vælg de kopier, der skal flettes ind: tryk Flet kopier her i ruden.",
    # --- the browser: upgrade, overview and the report on the web page; the add-in sends the user there
    "web.page.upgrade.label": "Opgradér projektmappen",
    "web.page.about.upgrade": "Bringer en projektmappe fra en ældre udgave af xlplugin op til i dag. Alt, I har skrevet, bevares.",
    "web.page.about.overview": "Tæller op på arket Overblik og tilføjer arket med diagrammerne, hvis projektmappen er fra før det fandtes.",
    "web.page.about.report": "Rapporten til bygherre, kommune og beboere som Word-dokument. Projektmappen ændres ikke.",
    "web.page.download_report": "Hent rapporten",
    "web.page.layout_older": (
        "Projektmappen er lavet med en ældre udgave af xlplugin (layout {found}; denne udgave bruger layout {current}). "
        "Tryk Opgradér projektmappen herover; så bringes den op til i dag, og alt indhold bevares. Projektmappen er ikke ændret."
    ),
    "web.report.done": "Rapporten er klar: {name}. Hent den med knappen Hent rapporten.",
    "web.report.figures_as_tables": (
        "Figurerne vises her som tabeller med de samme tal (rapporten er lavet i browseren). Rapporten fra "
        "tilføjelsesprogrammet på pc'en eller kommandolinjen tegner dem."
    ),
    "web.pane.layout_older": (
        "Projektmappen er lavet med en ældre udgave af xlplugin (layout {found}; denne udgave bruger layout {current}) "
        "og skal opgraderes først. Gem og luk den, åbn {page} i browseren, træk projektmappen derhen, tryk Opgradér "
        "projektmappen, og hent den igen. Alt indhold bevares. Projektmappen er ikke ændret."
    ),
    "web.pane.upgrade": (
        "Knappen i Excel kan ikke opgradere projektmappen. Gem og luk den, åbn {page} i browseren, træk projektmappen "
        "derhen, tryk Opgradér projektmappen, og hent den igen."
    ),
    "web.pane.overview_charts": (
        "Arket {sheet} er tilføjet med tallene, men uden diagrammerne: knappen i Excel kan ikke tegne dem. Vil I have "
        "diagrammerne, så slet arket {sheet}, gem og luk projektmappen, åbn {page} i browseren, træk projektmappen "
        "derhen, tryk Opdatér overblik, og hent den igen."
    ),
    "web.manifest.report.tip": "Laver rapporten til bygherre, kommune og beboere som Word-dokument, som du henter fra ruden. Projektmappen ændres ikke.",
    "web.manifest.help.tip": "Viser, hvad knapperne gør, i ruden til højre.",
    "web.build.host_https": "Tilføjelsesprogrammets adresse skal begynde med https:// (Office indlæser kun tilføjelsesprogrammer over HTTPS): {host}",
    "cli.web.build.host": "Sitets adresse (https://…/), som manifest.xml peger på; uden den skrives intet manifest.",
    "msg.addin.desktop_missing": (
        "Tilføjelsesprogrammet til Excel på pc'en kræver pakkerne {missing}, som ikke er installeret. "
        'Installer xlplugin med dem:  pip install "xlplugin[desktop]"  og prøv igen.'
    ),
    "web.build.no_checkout": "Byg sitet fra en kopi af xlplugins kildekode efter  npm ci  (Pyodide i node_modules/pyodide og siderne i web/site under {folder}).",
    "web.build.abi": "Pyodide i node_modules er bygget til ABI {found}; web/wheels.txt er til {expected}. Kør  npm ci  igen.",
    "web.build.not_empty": "{folder} findes og er ikke et tidligere byggeri af sitet. Angiv en tom eller ny mappe.",
    "web.build.wheel_missing": "Wheel-filen til {name} er ikke i {folder}.",
    "web.build.pip_failed": "pip kunne ikke hente eller bygge wheel-filerne (dens besked står ovenfor). Tjek forbindelsen til pakkeindekset.",
    "web.build.done": "Sitet ligger i {folder}: Pyodide {pyodide} og {wheels} wheel-filer. Læg det på en HTTPS-server (se README).",
    "cli.web.help": "Tilføjelsesprogrammet til Excel på nettet, Windows og Mac uden Python (Office.js), og websiden: byg eller prøv sitet.",
    "cli.web.build.help": "Skriv det statiske site (Pyodide, wheel-filerne, siderne) til en mappe.",
    "cli.web.build.out": "Sitets mappe.",
    "cli.web.build.wheels": "Tag wheel-filerne fra web/wheels.txt i denne mappe i stedet for at hente dem.",
    # --- Command line: the add-in -----------------------------------------------------
    "cli.addin.help": "Byg, installér eller fjern Excel-tilføjelsesprogrammet (fanen Social innovation).",
    "cli.addin.build.help": "Byg tilføjelsesprogrammet (.xlam) ud fra xlwings' skabelon.",
    "cli.addin.build.out": "Filen, der skal bygges (standard: xlplugin.xlam).",
    "cli.addin.install.help": "Installér tilføjelsesprogrammet i Excels startmappe (XLSTART), og lad knapperne bruge denne Python.",
    "cli.addin.install.ribbon_lang": "Sprog på fanen: auto (som Excel), da eller en.",
    "cli.addin.uninstall.help": "Fjern tilføjelsesprogrammet og dets indstillinger.",
    "cli.addin.status.help": "Vis, om tilføjelsesprogrammet er installeret, og hvilken Python det bruger.",
    "cli.addin.startup_dir": "Læg tilføjelsesprogrammet i denne mappe i stedet for Excels XLSTART (fx en pålidelig placering).",
    "msg.addin.built": "{path} er bygget ({size} byte).",
    "msg.addin.installed": "Tilføjelsesprogrammet er installeret i {path}.",
    "msg.addin.config": "Knapperne kører Python {python} (indstillinger: {config}).",
    "msg.addin.runpython": "macOS: RunPython-scriptet ligger i {path}.",
    "msg.addin.restart": "Genstart Excel for at se fanen Social innovation.",
    "msg.addin.uninstalled": "{path} er fjernet.",
    "msg.addin.status_installed": "Tilføjelsesprogrammet version {version} er installeret i {path}.",
    "msg.addin.status_outdated": "Det er ikke samme version som Python-pakken ({package}). Kør  xlplugin addin install  igen.",
    "msg.addin.status_missing": "Tilføjelsesprogrammet er ikke installeret; xlplugin addin install lægger det i {path}.",
    "msg.addin.status_no_config": "Der er ingen indstillingsfil ({config}), så knapperne finder ikke Python. Kør  xlplugin addin install.",
    "msg.addin.no_startup": (
        "Kunne ikke finde Excels startmappe (XLSTART): {reason}. Excel skal være installeret. Start Excel én "
        "gang, og prøv igen."
    ),
    "msg.addin.in_use": "Kunne ikke skrive {path}, fordi filen er i brug. Luk Excel helt, og prøv igen.",
    "msg.addin.no_template": "xlwings' skabelon til tilføjelsesprogrammer mangler ({path}). Installér xlplugin igen med pip.",
    "cli.templates.help": "Skriv de tomme skabeloner (dansk og engelsk) og eksemplet i en mappe.",
    "cli.templates.folder": "Mappen, der skal skrives i (standard: workbook_templates).",
    "cli.demo.help": "Vis hele værktøjet på folderens eksempel: Opret eksempelprojektmappen, og kør alle handlinger på den.",
    "cli.demo.outdir": "Mappen, eksemplet skrives i (standard: demo).",
    "demo.step": "--- {number}. xlplugin {command} ---",
    "demo.done": "Færdig. Åbn {path} i Excel eller LibreOffice, og se resultatet.",
    # --- add-in (issue 12)
    "msg.addin.config_encoding": (
        "Kan ikke skrive indstillingen {setting} = {value}: Excels makroer læser indstillingsfilen i "
        "tegnsættet {encoding}, som mangler nogle af dens tegn. Installér Python i en mappe, hvis sti "
        "kun har vesteuropæiske bogstaver, og prøv igen."
    ),
    "msg.addin.config_quote": "Kan ikke skrive indstillingen {setting} = {value}: Excels makroer kan ikke læse et anførselstegn i den.",
    "ribbon.save_first": "Gem projektmappen først (Filer > Gem som), og tryk på knappen igen.",
    "ribbon.new.mac_no_workbook": (
        "På en Mac starter knappen fra en gemt projektmappe. Åbn en hvilken som helst gemt projektmappe, og "
        "tryk igen (eller skriv i Terminal: xlplugin new FIL.xlsx)."
    ),
    # --- steps 4 and 5: evaluation and maintenance plan
    "choice.level.low": "Lav",
    "choice.level.medium": "Middel",
    "choice.level.high": "Høj",
    "list.level": "Niveau",
    "criterion.interactions.name": "Samspil (1-5)",
    "criterion.interactions.description": "Platformen understøtter flere af de valgte samspil: deres temaer og samspilsform.",
    "criterion.target_groups.name": "Målgrupper (1-5)",
    "criterion.target_groups.description": "Platformen når de grupper, der indgår i de valgte samspil.",
    "criterion.purposes.name": "Formål (1-5)",
    "criterion.purposes.description": "Platformen tjener de sociale formål fra trin 1, især dem med høj prioritet.",
    "criterion.economy.name": "Økonomi (1-5)",
    "criterion.economy.description": "Etablering og drift er billig (lav giver 5, høj giver 1).",
    "criterion.operation.name": "Drift (1-5)",
    "criterion.operation.description": "Platformen kan holdes i gang uden at afhænge af få ildsjæle.",
    "criterion.skills.name": "Færdigheder (1-5)",
    "criterion.skills.description": "Platformen kræver ingen særlige færdigheder, eller beboerne har dem som ressource.",
    "eval.quote": "»{text}«",
    "eval.which.selected": "valgte samspil",
    "eval.which.all": "samspil på trin 3 (ingen er valgt endnu)",
    "eval.which.groups_selected": "i de valgte samspil",
    "eval.which.groups_all": "i byggeriet",
    "eval.interactions.no_interactions": "Der er endnu ingen samspil på trin 3.",
    "eval.interactions.none": "Understøtter ingen af de {total} {which}.",
    "eval.interactions.served": "Understøtter {served} af {total} {which}: {ids}.",
    "eval.interactions.served_many": "Understøtter {served} af {total} {which}, bl.a. {ids}.",
    "eval.interactions.meeting": "Understøtter ingen af de {total} {which} direkte, men er mødested for grupperne i {meeting} af dem.",
    "eval.interactions.served_meeting": "Understøtter {served} af {total} {which}: {ids}. Er også mødested for grupperne i {meeting} mere.",
    "eval.interactions.served_many_meeting": "Understøtter {served} af {total} {which}, bl.a. {ids}. Er også mødested for grupperne i {meeting} mere.",
    "eval.groups.no_groups": "Projektet har endnu ingen beboergrupper.",
    "eval.groups.unknown": "Kataloget nævner ingen målgrupper for platformen.",
    "eval.groups.none": "Når ingen af grupperne {groups}.",
    "eval.groups.reached": "Når {served} af {total} grupper {where}: {groups}.",
    "eval.purposes.no_purposes": "Trin 1 har endnu ingen sociale formål.",
    "eval.purposes.none": "Tjener ingen af de {total} sociale formål fra trin 1.",
    "eval.purposes.served": "Tjener {served} af {total} sociale formål fra trin 1: {purposes}.",
    "eval.purposes.served_partly": "Tjener {served} af {total} sociale formål fra trin 1 ({purposes}) og berører {partly} mere gennem sine temaer.",
    "eval.purposes.partly": "Berører {partly} af {total} sociale formål fra trin 1 gennem sine temaer: {purposes}.",
    "eval.economy.unknown": "Kataloget angiver ikke, hvad platformen koster.",
    "eval.economy.levels": "Etablering: {construction}. Drift: {running}.",
    "eval.level.low": "lav",
    "eval.level.medium": "middel",
    "eval.level.high": "høj",
    "eval.level.unknown": "ikke angivet",
    "eval.operation.low": "Kører stort set af sig selv, når den først er i gang.",
    "eval.operation.medium": "Kræver, at nogen jævnligt holder den i gang.",
    "eval.operation.high": "Afhænger af, at nogen hele tiden tager ansvar for den.",
    "eval.operation.unknown": "Kataloget angiver ikke, hvor meget platformen afhænger af, at nogen holder den i gang.",
    "eval.skills.none": "Kræver ingen særlige færdigheder.",
    "eval.skills.offered": "Kræver {skills}, som en gruppe har som ressource på trin 2.",
    "eval.skills.missing": "Kræver {skills}, som ingen gruppe har som ressource på trin 2.",
    "eval.skills.some_missing": "Kræver {skills}; ingen gruppe har {missing} som ressource på trin 2.",
    "eval.problem.missing": "Platformen i kataloget mangler {columns} og er ikke vurderet.",
    "eval.advice.missing": "Udfyld {columns} på arket {sheet}, eller slet rækken.",
    "eval.problem.unknown_themes": "Rækken i kataloget nævner {n} tema(er), som ikke står på arket {sheet}.",
    "eval.advice.unknown_themes": "Skriv temaerne, som de står på arket {sheet}, eller tilføj dem dér.",
    "plan.maintainers.catalog": "Kataloget foreslår: {maintainers}.",
    "plan.maintainers.unknown": "Platformen står ikke i kataloget. Vælg selv, hvem der er bedst egnet til at vedligeholde den.",
    "plan.advice.residents": "Beboerne i fællesskab: Aftal, hvem der gør hvad, fx med faste værter på skift.",
    "plan.advice.board": "Afdelingsbestyrelsen: Giv bestyrelsen et større ansvar for byggeriets sociale liv, også for denne platform.",
    "plan.advice.caretakers": "Ejendomsfunktionærerne: Lad deres rolle også omfatte sociale opgaver, fx at vise nye beboere platformen.",
    "plan.advice.volunteers": "Frivilligforeninger: Inddrag foreninger fra lokalområdet, og aftal en fast kontaktperson i afdelingen.",
    "plan.advice.organisation": "Boligorganisationen: Aftal, hvem der har ansvaret, og sæt penge af til driften i budgettet.",
    "plan.advice.municipality": "Kommunen: Aftal samarbejdet og økonomien, før platformen sættes i gang.",
    "plan.advice.other": "Afklar, hvem der er bedst egnet til at sætte platformen i gang og holde liv i den.",
    "plan.advice.choose": "Overvej beboerne i fællesskab, afdelingsbestyrelsen, ejendomsfunktionærerne, frivilligforeninger eller andre.",
    "plan.advice.active_residents": (
        "Platformen afhænger af ildsjæle. Skab nye koncepter for at fremme et aktivt beboerskab, så ansvaret "
        "ikke hviler på få."
    ),
    "plan.note.equal_rank": (
        "Social vedligeholdelse skal prioriteres lige så højt som den bygningsmæssige. Sæt budget og "
        "opfølgningsdato på hver platform."
    ),
    "plan.note.experiment": "Tænk nyt og eksperimentér, og del jeres erfaringer med andre afdelinger.",
    "plan.requirement.staircase": "Gør op med opgangsprincippet i byggeriet.",
    "plan.requirement.flexible_rooms": "Lav fleksible rum til de sociale platforme, da behovet for platforme ændrer sig over tid.",
    "plan.requirement.around_dwellings": "Placér fællesmiljøer omkring boligerne i stedet for udelukkende i fælleshuse o.l.",
    "plan.reason.folder": "Et af folderens tre krav til byggeriets almindelige fysiske udformning.",
    "plan.reason.platforms": "Ønskes af {platforms}.",
    # proposed headers and help for the Katalog sheet's new columns (wiring: layout spec)
    "col.catalog.id": "ID",
    "col.catalog.description": "Beskrivelse",
    "col.catalog.forms": "Samspilsformer",
    "col.catalog.target_groups": "Målgrupper",
    "col.catalog.purposes": "Formål",
    "col.catalog.construction_cost": "Etablering",
    "col.catalog.running_cost": "Drift",
    "col.catalog.dependency": "Afhænger af ildsjæle",
    "col.catalog.skills": "Kræver færdigheder",
    "col.catalog.requirements": "Krav til de fysiske rammer",
    "col.catalog.other_maintainers": "Andre vedligeholdere",
    "col.requirements.asked_by": "Ønskes af",
    "col.maintenance.advice": "Forslag og råd",
    "help.catalog.target_groups": (
        "De grupper, platformen er til, adskilt af komma. Fx »Alle«, »Børnefamilier, Seniorer« eller jeres "
        "egne gruppenavne."
    ),
    "help.catalog.purposes": "De sociale formål, platformen støtter, adskilt af semikolon. Fx »Bekæmpe ensomhed; Styrke naboskabet«.",
    "help.catalog.skills": (
        "Temaer fra arket Temaer, som beboerne skal kunne, adskilt af komma. Fx »IT og digitale færdigheder«. "
        "Tomt, hvis der ikke kræves noget særligt."
    ),
    "help.catalog.requirements": "Hvad platformen kræver af bygningen, adskilt af semikolon. Fx »Placering i stueetagen; adgang til vand«.",
    # --- the command line's own words (argparse's English, in Danish) (issue 13)
    "argparse.usage: ": "brug: ",
    "argparse.positional arguments": "argumenter",
    "argparse.options": "tilvalg",
    "argparse.optional arguments": "tilvalg",
    "argparse.show this help message and exit": "vis denne hjælp og afslut",
    "argparse.the following arguments are required: %s": "disse argumenter mangler: %s",
    "argparse.unrecognized arguments: %s": "ukendte argumenter: %s",
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "argparse.invalid choice: %(value)r (choose from %(choices)s) ": "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "argparse.argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "argparse.%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argparse.expected one argument": "kræver én værdi",
    "argparse.expected at most one argument": "kræver højst én værdi",
    "argparse.expected at least one argument": "kræver mindst én værdi",
    "argparse.ambiguous option: %(option)s could match %(matches)s": "tvetydigt tilvalg: %(option)s kan være %(matches)s",
    "argparse.invalid %(type)s value: %(value)r": "ugyldig værdi (%(type)s): %(value)r",
    "argparse.not allowed with argument %s": "kan ikke bruges sammen med %s",
    "argparse.ignored explicit argument %r": "ignorerede argumentet %r",
    "argparse.one of the arguments %s is required": "et af argumenterne %s skal med",
    "argparse.unknown parser %(parser_name)r (choices: %(choices)s)": "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
    "argparse.expected %s argument": "kræver %s værdi",
    "argparse.expected %s arguments": "kræver %s værdier",
    # --- JSON exchange (issue 15)
    "msg.export.done": "Eksporteret: {groups} beboergrupper, {entries} behov, ressourcer og interesser, {interactions} samspil og {platforms} platforme.",
    "msg.export.unread": "{n} celler kunne ikke læses og er ikke med. Kør xlplugin validate for at se hvilke.",
    "msg.export.written": "Projektet er gemt som {path}.",
    "msg.import.not_json": "Filen er ikke gyldig JSON (linje {line}, tegn {column}).",
    "msg.import.not_project": "Filen er ikke et projekt fra xlplugin (feltet \"format\" skal være \"xlplugin-project\").",
    "msg.import.newer": "Projektet er fra en nyere udgave af projektmappen (layout {layout}); denne udgave af xlplugin kan læse op til layout {supported}. Opdatér xlplugin.",
    "msg.import.invalid": "Projektet kan ikke læses: feltet {where} er ugyldigt ({problem}); {count} problemer i alt.",
    "msg.import.unreadable": "Filen {path} kan ikke læses som tekst (UTF-8).",
    "cli.export.help": "Gem hele projektet som ét JSON-dokument (til versionsstyring eller andre systemer). Projektmappen ændres ikke.",
    "cli.export.path": "Projektmappen (.xlsx).",
    "cli.export.out": "JSON-filen (standard: projektmappens navn med .json; - skriver til skærmen).",
    "cli.import.help": "Opret en ny projektmappe fra et JSON-dokument, som export har skrevet.",
    "cli.import.path": "JSON-filen.",
    "cli.import.out": "Den nye projektmappe (.xlsx).",
    "cli.schema.help": "Vis JSON-skemaet for projektdokumentet.",
    # --- overview and report (issue 14) ---
    "sheet.overview": "Overblik",
    "overview.title": "Overblik over projektet",
    "overview.intro": "Opdateres, når I opdaterer overblikket (knappen Opdatér overblik). Skriv ikke her; ret på trinenes ark.",
    "overview.figures": "Nøgletal",
    "overview.value": "Antal",
    "overview.figure.groups": "Beboergrupper",
    "overview.figure.local_groups": "heraf i lokalområdet",
    "overview.figure.needs": "Udækkede behov",
    "overview.figure.resources": "Ressourcer",
    "overview.figure.interests": "Interesser",
    "overview.figure.interactions": "Samspilsmuligheder",
    "overview.figure.chosen": "Valgte samspil",
    "overview.figure.internal": "heraf interne",
    "overview.figure.external": "heraf eksterne",
    "overview.figure.platforms": "Valgte platforme",
    "overview.figure.covered": "Valgte platforme med en vedligeholdelsesplan",
    "overview.figure.budget": "Årligt budget til social vedligeholdelse (kr.)",
    "overview.figure.constraints": "Kendte begrænsninger",
    "overview.figure.errors": "Åbne fejl",
    "overview.figure.warnings": "Åbne advarsler",
    "overview.group": "Gruppe",
    "overview.more_groups": "{n} andre grupper",
    "overview.form": "Samspilsform",
    "overview.type": "Platformtype",
    "overview.chosen_platforms": "Valgte",
    "overview.budget": "Kr. pr. år",
    "overview.chart.groups": "Behov og ressourcer pr. gruppe",
    "overview.chart.forms": "Valgte samspil pr. form",
    "overview.chart.platforms": "Valgte platforme pr. type",
    "overview.chart.budget": "Årligt budget pr. platformtype",
    "overview.chart.count": "Antal",
    "overview.chart.kroner": "Kr. pr. år",
    "overview.added": "Projektmappen var lavet før arket {sheet}; det er tilføjet nu.",
    "overview.done": "Arket {sheet} er opdateret ({errors} fejl og {warnings} advarsler i projektmappen).",
    "cli.overview.help": "Opdatér arket Overblik med nøgletal og diagrammer",
    "cli.upgrade.help": "Bring en projektmappe fra en ældre udgave op til i dag; alt indhold bevares",
    "cli.upgrade.path": "Projektmappen (.xlsx), der skal opgraderes",
    "upgrade.current": "Projektmappen har allerede layout {layout}; intet er ændret.",
    "upgrade.done": "Projektmappen er opgraderet fra layout {found} til layout {layout}; alt indhold er bevaret.",
    "upgrade.sheet_added": "Arket {sheet} er tilføjet.",
    "upgrade.columns_added": "Tabellen {table} har fået {n} nye kolonner (sidst i tabellen).",
    "report.title": "Det sociale liv i {name}",
    "report.subtitle": "Rapport til bygherre, kommune og beboere efter KAB's fem trin",
    "report.file_suffix": " - rapport",
    "report.unnamed": "Projekt uden navn",
    "report.page": "Side {{page}} af {{pages}}",
    "report.money": "{amount} kr.",
    "report.more": "… og {n} flere",
    "report.findings.heading": "Åbne fejl og advarsler i projektmappen",
    "report.findings.intro": (
        "Projektmappen har {errors} fejl og {warnings} advarsler. Ret dem, så rapporten bygger på de rigtige "
        "oplysninger (validér projektmappen i Excel for at se dem ved cellerne)."
    ),
    "report.figures.heading": "Nøgletal",
    "report.figures.groups": "Beboergrupper",
    "report.figures.groups_value": "{n}, heraf {local} i lokalområdet",
    "report.figures.entries": "Behov, ressourcer, interesser",
    "report.figures.entries_value": "{needs} udækkede behov, {resources} ressourcer, {interests} interesser",
    "report.figures.interactions": "Valgte samspil",
    "report.figures.interactions_value": "{chosen} af {proposed} muligheder, heraf {external} eksterne",
    "report.figures.forms": "Samspil pr. form",
    "report.figures.platforms": "Valgte platforme pr. type",
    "report.figures.maintenance": "Vedligehold",
    "report.figures.maintenance_value": "{covered} af {chosen} valgte platforme har en plan; {budget} om året",
    "report.figures.constraints": "Kendte begrænsninger",
    "report.step4.requirements_open": "Ingen krav er valgt endnu. Folderens og platformenes forslag:",
    "report.facts.heading": "Projektets fakta",
    "report.facts.none": "Projektets fakta er ikke udfyldt endnu.",
    "report.facts.method": "Rapporten følger KAB's fem trin for social innovation i nybyggeri: 1 afklaring, 2 behov og ressourcer, 3 samspil, 4 platforme og fysiske rammer, 5 social vedligeholdelse – og mødet med virkeligheden.",
    "report.summary.heading": "Overblik til mødet",
    "report.summary.intro": "Fra byggeriets sociale formål over de valgte samspil og platforme til hvem der holder dem i gang, og hvad det koster – og de begrænsninger, vi kender.",
    "report.summary.purposes": "Sociale formål ({n})",
    "report.summary.interactions": "Valgte samspil ({n})",
    "report.summary.platforms": "Valgte platforme ({n})",
    "report.summary.maintenance": "Vedligehold og budget",
    "report.summary.constraints": "Kendte begrænsninger ({n})",
    "report.summary.interaction": "{what}: {groups} ({form})",
    "report.summary.platform": "{name} ({type})",
    "report.summary.upkeep": "{platform}: {maintainer}, {budget} om året",
    "report.summary.budget_total": "I alt {budget} om året",
    "report.summary.uncovered": "Mangler en plan: {platforms}",
    "report.summary.constraint": "{constraint} ({category})",
    "report.summary.no_purposes": "Ingen sociale formål endnu (trin 1).",
    "report.summary.no_interactions": "Ingen samspil er valgt endnu (trin 3: skriv Ja i kolonnen Valgt).",
    "report.summary.no_platforms": "Ingen platforme er valgt endnu (trin 4).",
    "report.summary.no_maintenance": "Ingen vedligeholdelsesplan endnu (trin 5).",
    "report.summary.no_constraints": "Ingen begrænsninger er skrevet ned endnu.",
    "report.step1.heading": "Trin 1: Beboere, sociale formål og karakteristika",
    "report.step1.intro": "Hvem skal bo her, hvad skal byggeriet gøre for dem, og hvilke karakteristika går som en rød tråd gennem byggeriet.",
    "report.step2.heading": "Trin 2: Udækkede behov og ressourcer",
    "report.step2.intro": "Matrixen viser hver gruppes udækkede behov, ressourcer og interesser i byggeriet og lokalområdet.",
    "report.step2.counts": "{groups} grupper har i alt {needs} udækkede behov, {resources} ressourcer og {interests} interesser.",
    "report.step3.heading": "Trin 3: Samspilsmuligheder",
    "report.step3.intro": (
        "De samspil, projektgruppen har valgt: det fælles tredje, fælles løsninger og at drage nytte af "
        "hinandens ressourcer – internt i byggeriet og eksternt med lokalområdet."
    ),
    "report.step3.counts": "{chosen} af {proposed} samspilsmuligheder er valgt: {internal} interne og {external} eksterne.",
    "report.step3.chosen": "De valgte samspil",
    "report.step3.carried_by": "Platform",
    "report.step4.heading": "Trin 4: Platforme og fysiske rammer",
    "report.step4.intro": "De platforme, byggeriet skal rumme for at bære samspillene, med styrker og svagheder, og kravene til byggeriets almindelige fysiske udformning.",
    "report.step4.counts": "{chosen} af {proposed} vurderede platforme er valgt.",
    "report.step4.carries": "Bærer samspil",
    "report.step5.heading": "Trin 5: Social vedligeholdelse",
    "report.step5.intro": "Hvem sætter samspillet i gang og holder det ved lige, hvor ofte, hvad det koster, og hvornår vi ser på det igen.",
    "report.step5.budget": "Det årlige budget til social vedligeholdelse er {budget} fordelt på {n} platforme.",
    "report.step5.uncovered": "Disse valgte platforme har ingen plan for vedligeholdelse endnu: {platforms}.",
    "report.step5.who": "Ansvaret ligger hos: {who}.",
    "report.step5.note": "Social vedligeholdelse er lige så vigtig som bygningsvedligeholdelse. Tænk nyt, eksperimentér, og del jeres erfaringer.",
    "report.reality.intro": "Tekniske, økonomiske, politiske og organisatoriske begrænsninger, vi har mødt, og hvilket trin de sender os tilbage til.",
    "report.none.groups": "Ingen beboergrupper endnu.",
    "report.none.purposes": "Ingen sociale formål endnu.",
    "report.none.characteristics": "Ingen karakteristika er valgt endnu.",
    "report.none.entries": "Ingen behov eller ressourcer er skrevet ned endnu.",
    "report.none.interactions": "Ingen samspil er valgt endnu.",
    "report.none.platforms": "Ingen platforme er valgt endnu.",
    "report.none.requirements": "Ingen krav er valgt endnu.",
    "report.none.maintenance": "Ingen vedligeholdelsesplan endnu.",
    "report.none.constraints": "Ingen begrænsninger er skrevet ned endnu.",
    "report.chart.count": "Antal",
    "report.chart.chosen": "Valgt",
    "report.chart.needs_resources": "Behov, ressourcer og interesser pr. gruppe",
    "report.chart.needs_resources.caption": "Antal udækkede behov, ressourcer og interesser pr. gruppe (trin 2).",
    "report.chart.forms": "Valgte samspil pr. form",
    "report.chart.forms.caption": "De valgte samspil fordelt på form, interne og eksterne (trin 3).",
    "report.chart.platforms": "Valgte platforme pr. type",
    "report.chart.platforms.caption": "De valgte platforme fordelt på type (trin 4).",
    "report.network.caption": (
        "Netværket: Grupperne (med behov og ressourcer) mødes gennem de valgte samspil på de platforme, der "
        "bærer dem. Stiplede linjer er eksterne samspil med lokalområdet."
    ),
    "report.network.bundle": "{theme} ({n} samspil)",
    "report.network.counts": "{needs} behov, {resources} ressourcer",
    "report.network.groups": "Grupper",
    "report.network.interactions": "Valgte samspil",
    "report.network.platforms": "Platforme",
    "report.network.needs": "Behov: {items}",
    "report.network.resources": "Ressourcer: {items}",
    "report.network.internal": "Internt samspil",
    "report.network.external": "Eksternt samspil",
    "report.network.empty": "Ingen samspil er valgt endnu, så der er intet netværk at tegne.",
    "cli.report.help": "Lav en rapport (PDF eller Word) til bygherre, kommune og beboere",
    "cli.report.path": "Projektmappen (.xlsx)",
    "cli.report.out": "Hvor rapporten gemmes (standard: ved siden af projektmappen)",
    "cli.report.format": "pdf eller docx (standard: efter filnavnet, ellers pdf)",
    "msg.report.done": "Rapporten er gemt i {path} ({pages} sider).",
    "msg.report.done_docx": "Rapporten er gemt i {path}.",
    "msg.report.findings": "Projektmappen har {n} åbne fejl og advarsler; de står først i rapporten.",
    "msg.report.suffix": "Rapporten skal gemmes som .pdf eller .docx, ikke {path}.",
    "ribbon.report.unsaved": "Gem projektmappen først, så rapporten kan gemmes ved siden af den.",
    "ribbon.grpReport.label": "Rapport",
    "ribbon.overview.label": "Opdatér overblik",
    "ribbon.overview.screentip": "Opdatér arket Overblik",
    "ribbon.overview.supertip": "Tæller grupper, behov, ressourcer, samspil, platforme, vedligehold og budget op på arket Overblik; diagrammerne følger tallene. Intet andet i projektmappen ændres.",
    "ribbon.report.label": "Lav rapport",
    "ribbon.report.screentip": "Lav en rapport til bygherre, kommune og beboere",
    "ribbon.report.supertip": "Gemmer en PDF ved siden af projektmappen: overblik til mødet, de fem trin, matrixen, netværket, platformene, vedligeholdelsesplanen og virkelighedstjekket. Projektmappen ændres ikke.",
    # --- hostile input (issue 16) -------------------------------------------------
    "msg.unexpected.at": "{type} i cellen {cell} på arket {sheet}",
    "msg.interrupted": "Afbrudt (Ctrl+C). Projektmappen er enten uændret eller gemt helt; intet er skrevet halvt.",
    "msg.name_too_long": (
        "Navnet på {path} er for langt: sikkerhedskopien og den midlertidige fil ved siden af den ville få "
        "{length} tegn, og mappen tillader højst {limit}. Giv filen et kortere navn, og prøv igen. Filen er ikke ændret."
    ),
    "msg.disk_full": (
        "Der er ikke plads nok i mappen {folder}: {free} MB fri, og der skal bruges omkring {needed} MB til "
        "sikkerhedskopien og den nye udgave. Frigør plads, og prøv igen. Filen er ikke ændret."
    ),
    "msg.new.backup": "Den tidligere projektmappe ligger i {backup}.",
    "privacy.removed": "(personoplysning fjernet)",
    "finding.privacy_comment_cpr": "Noten til cellen ser ud til at indeholde et CPR-nummer.",
    "advice.privacy_comment_cpr": (
        "Slet CPR-nummeret i noten til cellen (højreklik på cellen > Rediger note; i ældre Excel: Rediger "
        "kommentar). Projektmappen skal beskrive grupper, ikke enkeltpersoner."
    ),
    "finding.privacy_comment_email": "Noten til cellen ser ud til at indeholde en mailadresse.",
    "advice.privacy_comment_email": (
        "Slet mailadressen i noten til cellen (højreklik på cellen > Rediger note; i ældre Excel: Rediger "
        "kommentar), eller skriv en rolle i stedet."
    ),
    "finding.privacy_comment_phone": "Noten til cellen ser ud til at indeholde et telefonnummer.",
    "advice.privacy_comment_phone": (
        "Slet telefonnummeret i noten til cellen (højreklik på cellen > Rediger note; i ældre Excel: Rediger "
        "kommentar), og skriv hellere en rolle end en person."
    ),
    "finding.lists_missing": (
        "Det skjulte ark {lists_sheet} med listerne til rullemenuerne mangler, så rullemenuerne i "
        "projektmappen virker ikke."
    ),
    "advice.lists_missing": (
        "Kør xlplugin validate på projektmappen, mens den er gemt og lukket (uden --no-write); så laves arket "
        "og navnene lst_… igen. Knappen Validér i Excel kan ikke tilføje ark."
    ),
    "finding.lists_broken": (
        "{n} af navnene lst_…, som rullemenuerne henter listerne fra på det skjulte ark {lists_sheet}, peger "
        "ikke på noget, så de rullemenuer virker ikke."
    ),
    "advice.lists_broken": (
        "Kør xlplugin validate på projektmappen, mens den er gemt og lukket (uden --no-write); så laves arket "
        "{lists_sheet} og navnene lst_… igen. Knappen Validér i Excel kan ikke tilføje ark."
    ),
    "finding.lists_restored": (
        "Det skjulte ark {lists_sheet} med listerne til rullemenuerne manglede eller var i stykker; det er "
        "lavet igen med navnene lst_…, så rullemenuerne virker igen."
    ),
    "advice.lists_restored": "Intet at gøre. Havde I selv skrevet noget på arket {lists_sheet}, ligger det i sikkerhedskopien (.bak).",
    "finding.findings_restored": "Arket {findings_sheet} (eller tabellen på det) manglede; det er lavet igen, og resultatet står på det.",
    "advice.findings_restored": "Intet at gøre.",
    "msg.live.cannot_add_sheet": (
        "Knappen i Excel kan ikke tilføje arket {sheet}. Gem og luk projektmappen, og kør kommandoen på filen "
        "(xlplugin validate eller xlplugin overview PROJEKT.xlsx)."
    ),
    # --- the in-place writer (issue 9) ---
    "msg.backup_name_too_long": "Navnet på {path} er for langt til at gemme en sikkerhedskopi ved siden af den. Giv filen et kortere navn, og prøv igen.",
    "msg.layout.older": (
        "Projektmappen er lavet med en ældre udgave af xlplugin (layout {found}; denne udgave bruger layout {current}). "
        "Gem og luk projektmappen, og kør xlplugin upgrade MAPPE.xlsx; så bringes den op til i dag, og alt indhold "
        "bevares. Projektmappen er ikke ændret."
    ),
    "msg.layout.newer": (
        "Projektmappen er lavet med en nyere udgave af xlplugin (layout {found}); denne udgave kan læse op til "
        "layout {current}. Opdatér xlplugin. Projektmappen er ikke ændret."
    ),
    "msg.upgrade.file_only": "Knappen i Excel kan ikke opgradere projektmappen. Gem og luk den, og kør xlplugin upgrade MAPPE.xlsx.",
    "msg.overview.missing": (
        "Projektmappen har ikke arket {sheet}, fordi den er lavet med en ældre udgave, og knappen i Excel kan "
        "ikke tilføje ark. Gem og luk projektmappen, og kør xlplugin overview PROJEKT.xlsx; så tilføjes arket "
        "med diagrammerne."
    ),
    "msg.read_only": "{path} er skrivebeskyttet, så resultatet kan ikke gemmes i den. Fjern skrivebeskyttelsen (eller gem en kopi), og prøv igen.",
    "msg.busy": (
        "{path} bliver lige nu behandlet af en anden handling (eller et andet vindue). Vent, til den er "
        "færdig, og prøv igen."
    ),
    "finding.formula_no_result": "Cellen i tabellen {table} indeholder en formel uden gemt resultat, så den læses som tom.",
    "advice.formula_no_result": (
        "Åbn filen i Excel (eller LibreOffice), og gem den, så formlens resultat kommer med, eller skriv "
        "værdien i stedet for formlen."
    ),
    # wiring of steps 4 and 5: the sheets, the actions, the ribbon
    "col.platforms.score_interactions": "Samspil (1-5)",
    "col.platforms.score_target_groups": "Målgrupper (1-5)",
    "col.platforms.score_purposes": "Formål (1-5)",
    "col.platforms.score_economy": "Økonomi (1-5)",
    "col.platforms.score_operation": "Drift (1-5)",
    "col.platforms.score_skills": "Færdigheder (1-5)",
    "col.platforms.reasons": "Begrundelse (beregnede point)",
    "col.platforms.origin": "Oprindelse",
    "col.platforms.status": "Status",
    "col.criteria.key": "Nøgle",
    "help.criteria.key": "Hvilken pointkolonne vægten gælder, fx economy. Lad nøglen stå; kriteriets navn må I gerne rette.",
    "help.platforms.comment": "Jeres egne noter, fx »Placeres ved siden af fælleskøkkenet«. De bevares, når I foreslår platforme igen.",
    "dv.error_rating": "Skriv et tal fra 1 (svagt) til 5 (stærkt), fx 3 eller 4,5.",
    "platforms.reason_line": "{criterion} {score}: {reason}",
    "platforms.own_score": "{criterion} {score}: {reason} Jeres egen vurdering ({own}) er bevaret.",
    "start.state.complete": "Færdig",
    "msg.platforms.summary": (
        "{new} nye platforme, {updated} opdateret, {outdated} forældet, {removed} fjernet og {unchanged} "
        "uændret ({total} rækker på arket {sheet})."
    ),
    "msg.platforms.basis_selected": "Vurderet for de {n} valgte samspil på arket {sheet}.",
    "msg.platforms.basis_all": (
        "Der er ikke valgt noget samspil på arket {sheet}, så platformene er vurderet for alle {n}. Markér de "
        "samspil, I vil arbejde videre med, og foreslå platforme igen."
    ),
    "msg.platforms.top": "Bedst placeret: {names}.",
    "msg.platforms.kept_scores": "{n} point, I selv har sat, er bevaret.",
    "msg.platforms.problems": "{n} rækker i kataloget kunne ikke bruges, som de står. Validér projektmappen for at se hvilke.",
    "msg.platforms.requirements": "Kravene til den fysiske udformning er opdateret: {n} ønskes af de valgte platforme.",
    "msg.platforms.failed": "Platformene kunne ikke vurderes ({reason}). Filen er ikke ændret. Send gerne filen til jeres it-support.",
    "msg.plan.summary": (
        "{new} nye planer, {updated} opdateret, {unchanged} uændret og {kept} af jeres egne bevaret ({total} "
        "rækker på arket {sheet})."
    ),
    "msg.plan.none_selected": "Der er ikke valgt nogen platforme på arket {sheet}. Markér dem, I vælger, og lav vedligeholdelsesplanen igen.",
    "msg.plan.budget": "Budget i alt: {budget} kr. om året.",
    "msg.plan.reviews": "Opfølgningsdatoer i rækkefølge: {reviews}.",
    "msg.plan.review": "{date} {platform}",
    "msg.plan.no_review": "{n} planer har endnu ingen opfølgningsdato.",
    "msg.plan.failed": (
        "Vedligeholdelsesplanen kunne ikke laves ({reason}). Filen er ikke ændret. Send gerne filen til jeres "
        "it-support."
    ),
    "maintenance.budget_total": "Budget i alt",
    "cli.platforms.help": "Foreslå og vurdér platforme på arket 4 Platforme for de valgte samspil (trin 4).",
    "cli.platforms.path": "Projektmappen (.xlsx), der skal opdateres.",
    "cli.plan.help": "Lav en plan for social vedligeholdelse på arket 5 Vedligehold for de valgte platforme (trin 5).",
    "cli.plan.path": "Projektmappen (.xlsx), der skal opdateres.",
    "ribbon.grpStep45.label": "Trin 4 og 5: Platforme",
    "ribbon.platforms.label": "Foreslå platforme",
    "ribbon.platforms.screentip": "Vurdér platforme for de valgte samspil",
    "ribbon.platforms.supertip": (
        "Vurderer kataloget for de samspil, I har valgt på trin 3, med vægtene på arket 4 Krav og vægte, og "
        "udfylder 4 Platforme. Jeres valg, kommentarer, egne point og egne rækker bevares."
    ),
    "ribbon.plan.label": "Lav vedligeholdelsesplan",
    "ribbon.plan.screentip": "Plan for de valgte platforme",
    "ribbon.plan.supertip": (
        "Skriver én række pr. valgt platform på 5 Vedligehold med katalogets forslag til vedligeholdere og "
        "folderens råd. Det, I selv har skrevet, bevares."
    ),
    "finding.constraint_without_action": "Begrænsningen har endnu ingen handling.",
    "advice.constraint_without_action": "Skriv, hvad I gør ved den, og hvilket trin den sender jer tilbage til.",
    "finding.catalog_row": "{problem}",
    "advice.catalog_row": "{advice}",
    "finding.criterion_key_unknown": "Kriteriet har en nøgle, som tilføjelsesprogrammet ikke kender, så dets vægt tæller ikke.",
    "advice.criterion_key_unknown": "Skriv en af nøglerne {keys}, eller slet rækken.",
    "criterion.interactions.short": "Samspil",
    "criterion.target_groups.short": "Målgrupper",
    "criterion.purposes.short": "Formål",
    "criterion.economy.short": "Økonomi",
    "criterion.operation.short": "Drift",
    "criterion.skills.short": "Færdigheder",
    # --- issue 13: step 4's requirements and weights on their own sheet, the folder's source
    "sheet.frames": "4 Krav og vægte",
    "guide.frames.title": "Trin 4: Krav til de fysiske rammer og vægte for platformene",
    "guide.frames.purpose": (
        "Byggeriets almindelige fysiske udformning skal også støtte samspillet, ikke kun de særlige "
        "platforme. Vægtene bestemmer, hvad der tæller mest, når platformene på arket 4 Platforme får point."
    ),
    "guide.frames.method": [
        "Gennemgå folderens tre krav, og markér dem, I vil stille til byggeriet. Tilføj jeres egne.",
        "Når I foreslår platforme, skrives de krav, de valgte platforme stiller, og hvem der ønsker dem.",
        "Sæt vægtene, så de kriterier, der betyder mest for jer, tæller mest. En vægt på 0 betyder, at kriteriet ikke tæller.",
    ],
    # --- issue 13: what sheets, headers and choices said before (old workbooks are still read)
    "guide.start.source": (
        "Metoden, eksemplet og rådene kommer fra folderen »Social innovation ved nybyggeri og omdannelser« "
        "fra KAB's projekt af samme navn."
    ),
    "guide.step2.note": (
        "Matrixen til højre for tabellen viser behov og ressourcer pr. gruppe, som i folderen. Den opdateres, "
        "når I genererer samspil, og udskrives på sin egen side."
    ),
    "former.sheet.findings": [
        "Valideringsfund",
    ],
    "former.col.maintenance.review_date": [
        "Opfølgning",
    ],
    "former.col.theme_links.strength": [
        "Styrke (0-5)",
    ],
    "former.col.findings.severity": [
        "Alvor",
    ],
    "former.col.findings.problem": [
        "Hvad er galt",
    ],
    "former.col.findings.advice": [
        "Hvad du kan gøre",
    ],
    "former.col.requirements.from_folder": [
    ],
    "former.col.catalog.requirements": [
    ],
    "former.choice.interaction_type.mutual_resources": [
        "Nytte af hinandens ressourcer",
    ],
    "former.choice.origin.manual": [
        "Manuel",
    ],
    "former.choice.maintainer.board": [
    ],
    # --- issue 13: prompts for every input column, each fact its own
    "help.facts.name": "Projektets navn, som det skal stå i sidefoden på hver udskrevet side. Fx »Nybyggeri ved Skovparken«.",
    "help.facts.organisation": "Boligorganisationen, der bygger eller renoverer. Fx »Eksempel Boligselskab«.",
    "help.facts.department": "Afdelingens navn eller nummer i boligorganisationen. Fx »Afdeling 42« eller »Skovparken«.",
    "help.facts.municipality": "Kommunen, byggeriet ligger i. Fx »Roskilde Kommune«.",
    "help.facts.kind": "Vælg Nybyggeri eller Omfattende renovering på listen.",
    "help.facts.phase": "Hvor langt projektet er. Vælg på listen, fx Før idéfasen. Metoden virker bedst, når I starter før idéfasen.",
    "help.facts.responsible": (
        "Den rolle, der har ansvaret for arbejdet med det sociale liv. Skriv en rolle, ikke et navn, fx "
        "»Projektleder« eller »Boligsocial medarbejder«."
    ),
    "help.facts.date": "Datoen for denne udgave af planen, fx 01-03-2027. Ret den, når I opdaterer planen.",
    "help.entries.suggested_theme": (
        "Udfyldes, når I genererer samspil: det tema, der passer til beskrivelsen. Et spørgsmålstegn betyder, "
        "at I bør vælge temaet selv i kolonnen Tema."
    ),
    "help.interactions.id": "Samspillets nummer, fx S-01. Udfyldes, når I genererer samspil; giv egne rækker et nummer, fx E-01.",
    "help.interactions.groups": (
        "De grupper, der indgår, fx »Seniorer → Børnefamilier« (pilen peger fra den, der giver, til den, der "
        "får). Skriv navnene som på arket 1 Afklaring."
    ),
    "help.interactions.theme": "Det tema, samspillet handler om, fx Børnepasning.",
    "help.interactions.need": "Det behov, samspillet dækker, som det står på arket 2 Behov og ressourcer.",
    "help.interactions.resource": "Den ressource, der dækker behovet, som den står på arket 2 Behov og ressourcer.",
    "help.interactions.reasoning": (
        "Hvorfor samspillet giver mening, med almindelige ord. Skrives, når I genererer samspil; skriv selv "
        "en begrundelse for en række, I tilføjer."
    ),
    "help.interactions.points": "Hvad pointene består af, fx »kobling 5 + begge veje 1,5 = 6,5 af 10«.",
    "help.interactions.purposes": "De sociale formål fra arket 1 Afklaring, som samspillet tjener.",
    "help.interactions.origin": "Genereret: Rækken er lavet, da I genererede samspil. Egen række: I har selv skrevet den.",
    "help.interactions.status": (
        "Hvad der skete med rækken, sidst I genererede samspil: Ny, Opdateret, Uændret eller Forældet (passer "
        "ikke længere til trin 2)."
    ),
    "help.platforms.interactions": "De valgte samspil fra arket 3 Samspil, som platformen understøtter, fx »S-02 Børnepasning«.",
    "help.platforms.strengths": (
        "Platformens styrker, fx »Gør det nemt at spørge om hjælp«. Hentes fra kataloget; skriv selv for en "
        "platform, I tilføjer."
    ),
    "help.platforms.weaknesses": (
        "Platformens svagheder, fx »Kræver digitale færdigheder«. Hentes fra kataloget; skriv selv for en "
        "platform, I tilføjer."
    ),
    "help.platforms.score_interactions": (
        "Hvor mange af de valgte samspil platformen understøtter: 1 (ingen) til 5 (alle). Fx 3,5. Retter I "
        "tallet, bevares jeres."
    ),
    "help.platforms.score_target_groups": (
        "Hvor mange af grupperne i de valgte samspil platformen når: 1 (ingen) til 5 (alle). Fx 4. Retter I "
        "tallet, bevares jeres."
    ),
    "help.platforms.score_purposes": (
        "Hvor godt platformen tjener de sociale formål fra trin 1, især dem med høj prioritet: 1 til 5. Fx "
        "3,4. Retter I tallet, bevares jeres."
    ),
    "help.platforms.score_economy": "Hvor billig platformen er at etablere og drive: 5 = billig, 1 = dyr. Fx 4. Retter I tallet, bevares jeres.",
    "help.platforms.score_operation": (
        "Hvor let platformen holdes i gang uden at afhænge af få ildsjæle: 5 = let, 1 = svært. Fx 3. Retter I "
        "tallet, bevares jeres."
    ),
    "help.platforms.score_skills": (
        "Om platformen kan drives uden særlige færdigheder, eller beboerne har dem som ressource: 5 = ja, 1 = "
        "nej. Fx 5. Retter I tallet, bevares jeres."
    ),
    "help.platforms.total": (
        "Gennemsnittet af de seks point, vægtet med vægtene på arket 4 Krav og vægte. Beregnes af en formel; "
        "skriv ikke her."
    ),
    "help.platforms.reasons": "Hvorfor platformen fik sine point, et kriterium pr. linje. Skrives, når I foreslår platforme.",
    "help.platforms.origin": "Genereret: Platformen kommer fra kataloget. Egen række: I har selv tilføjet den.",
    "help.platforms.status": "Hvad der skete med rækken, sidst I foreslog platforme: Ny, Opdateret, Uændret eller Forældet.",
    "help.criteria.name": (
        "Kriteriets navn, som det står over pointkolonnen på arket 4 Platforme, fx »Økonomi (1-5)«. Navnet må "
        "I gerne rette."
    ),
    "help.criteria.description": (
        "Hvad der giver høje point, fx »Etablering og drift er billig«. Kun til forklaring; teksten ændrer "
        "ikke pointene."
    ),
    "help.requirements.requirement": "Et krav til byggeriets almindelige fysiske udformning, fx »Placér fællesmiljøer omkring boligerne«.",
    "help.requirements.asked_by": "De valgte platforme, der stiller kravet. Udfyldes, når I foreslår platforme.",
    "help.requirements.comment": "Jeres egen kommentar, fx »Aftalt med arkitekten«.",
    "help.requirements.from_folder": "Ja for de tre krav fra KAB's folder. Nej (eller tomt) for krav, I selv eller platformene har tilføjet.",
    "help.maintenance.advice": "Katalogets forslag til vedligeholdere og folderens råd. Skrives, når I laver vedligeholdelsesplanen.",
    "help.maintenance.startup": (
        "Hvordan platformen sættes i gang, og af hvem. Fx »Afdelingsbestyrelsen inviterer til opstartsmøde og "
        "laver en madplan«."
    ),
    "help.maintenance.frequency": "Hvor ofte nogen skal holde liv i platformen: Ugentligt, Månedligt, Kvartalsvis, Årligt eller Løbende.",
    "help.maintenance.success_criterion": "Hvornår platformen virker, så det kan måles. Fx »Mindst 20 beboere spiser med hver uge«.",
    "help.constraints.constraint": "En begrænsning, I er stødt på, fx »Budgettet rækker ikke til både fælleskøkken og børnelounge«.",
    "help.constraints.category": (
        "Teknisk (bygning, installationer), Økonomisk (penge), Politisk (beslutninger, regler) eller "
        "Organisatorisk (roller, ressourcer)."
    ),
    "help.constraints.action": "Hvad I gør ved begrænsningen, fx »Placér børneloungen ved fælleskøkkenet, så de deler areal«.",
    "help.themes.description": "En sætning om, hvad temaet dækker. Fx »Pasning og hentning af børn, legeaftaler«.",
    "help.catalog.name": "Platformens navn, fx »Fælleskøkken«. Navnet er det, der står på arket 4 Platforme.",
    "help.catalog.description": "Hvad platformen er, i en eller to sætninger. Fx »Et køkken, hvor beboerne kan lave mad og spise sammen«.",
    "help.catalog.themes": "Temaerne fra arket Temaer, platformen passer til, adskilt af komma. Fx »Fællesspisning, Social kontakt«.",
    "help.catalog.forms": (
        "De samspilsformer, platformen understøtter, adskilt af komma. Fx »Det fælles tredje, Fælles "
        "løsning«. Formerne er Det fælles tredje, Fælles løsning og Drage nytte af hinandens ressourcer."
    ),
    "help.catalog.interaction": "Hvordan platformen skaber samspil, med almindelige ord. Fx »Beboerne mødes om maden«.",
    "help.catalog.strengths": "Platformens styrker, fx »Gør det nemt at spørge om hjælp«.",
    "help.catalog.weaknesses": "Platformens svagheder, fx »Kræver, at nogen tager ansvar«.",
    "help.catalog.economy": "Hvad platformen koster, med ord. Fx »Middel etablering; lav drift«.",
    "help.catalog.construction_cost": "Hvad det koster at etablere platformen: Lav, Middel eller Høj.",
    "help.catalog.running_cost": "Hvad det koster at drive platformen om året: Lav, Middel eller Høj.",
    "help.catalog.dependency": "Hvor meget platformen afhænger af, at nogen holder den i gang: Lav, Middel eller Høj.",
    "help.catalog.maintainer": "Hvem der typisk holder platformen i gang. Vælg på listen, fx Beboerne i fællesskab.",
    "help.catalog.other_maintainers": "Andre, der kan holde platformen i gang, adskilt af komma. Fx »Afdelingsbestyrelsen, Frivilligforeninger«.",
    "help.catalog.id": (
        "En kort, fast nøgle for platformen, fx »shared_kitchen«. Lad den stå; for jeres egne platforme må "
        "feltet være tomt."
    ),
    # --- Merge (issue 15): copies brought into one workbook -------------------------
    "sheet.merge_log": "Fletning",
    "table.merge_log": "Fletning",
    "title.merge_log": "Hvad I har hentet fra kopierne",
    "intro.merge_log": (
        "Én linje for hver række, som fletningen har tilføjet, og for hver række, der fandtes i to udgaver. "
        "Fletningen skriver nye linjer nederst; I må gerne slette linjer, I er færdige med."
    ),
    "col.merge_log.when": "Flettet",
    "col.merge_log.copy": "Kopi",
    "col.merge_log.sheet": "Ark",
    "col.merge_log.table": "Tabel",
    "col.merge_log.row": "Række",
    "col.merge_log.what": "Hvad",
    "guide.merge_log.title": "Fletning af kopier",
    "guide.merge_log.purpose": (
        "Når I fletter kollegernes kopier ind i denne projektmappe (knappen Flet kopier eller xlplugin merge), står "
        "det her, hvad der kom fra hvilken kopi."
    ),
    "guide.merge_log.method": [
        "Tilføjet: rækken fandtes kun i kopien og står nu nederst i sin tabel.",
        "Konflikt: rækken fandtes i begge, men med forskelligt indhold. Kopiens udgave står lige under jeres. "
        "Behold den rigtige, slet den anden række (Hjem > Slet > Slet tabelrækker), og validér igen.",
        "Arket kommer ikke med, når I udskriver hele projektmappen.",
    ],
    "merge.what.added": "Tilføjet",
    "merge.what.conflict": "Konflikt",
    "finding.merge_conflict": (
        "Rækken findes i {n} udgaver efter en fletning (se linje {log_row} på arket {log_sheet}); "
        "de står lige under hinanden."
    ),
    "advice.merge_conflict": (
        "Behold den udgave, der er rigtig, og slet de andre rækker (Hjem > Slet > Slet tabelrækker). "
        "Ret evt. den, I beholder, med det bedste fra begge."
    ),
    "cli.merge.help": "Flet kollegernes kopier ind i projektmappen; kopierne ændres ikke",
    "cli.merge.target": "Projektmappen (.xlsx), kopierne flettes ind i",
    "cli.merge.copies": "Kopierne (.xlsx), der skal flettes ind",
    "msg.merge.copy": "Fra {copy}: tilføjet {added}, konflikter {conflicts}, ens {same} (rækker).",
    "msg.merge.table": "  {table}: tilføjet {added}, konflikter {conflicts}.",
    "msg.merge.nothing": "Intet nyt i kopierne; projektmappen er ikke ændret.",
    "msg.merge.conflicts": (
        "Rækker i to udgaver: {n}. Kopiens udgave står lige under jeres. Se arket {log_sheet}, behold den "
        "rigtige, slet den anden, og validér: Validér markerer de konflikter, der er tilbage."
    ),
    "msg.merge.rule_errors": (
        "Advarsel: kopien {copy} har fejl, som Validér vil melde: {n} (fx en gruppe, der ikke findes). Rækkerne "
        "er flettet ind alligevel; validér projektmappen, og ret fejlene."
    ),
    "msg.merge.unreadable": (
        "Kopien {copy} er ikke flettet ind: celler eller rækker i den kan ikke læses ({n}), og de ville gå tabt. "
        "Åbn kopien, validér den, ret fejlene, og flet igen. Intet er ændret."
    ),
    "msg.merge.copy_older": (
        "Kopien {copy} er lavet med en ældre udgave af xlplugin (layout {found}; denne udgave bruger layout "
        "{current}). Kør xlplugin upgrade på kopien, og flet igen. Intet er ændret."
    ),
    "msg.merge.copy_newer": (
        "Kopien {copy} er lavet med en nyere udgave af xlplugin (layout {found}); denne udgave kan læse op til "
        "layout {current}. Opdatér xlplugin. Intet er ændret."
    ),
    "msg.merge.same_file": "{copy} er selve projektmappen; vælg kollegernes kopier. Intet er ændret.",
    "msg.merge.no_copies": "Vælg mindst én kopi at flette ind.",
    "ribbon.merge.label": "Flet kopier",
    "ribbon.merge.screentip": "Hent kollegernes kopier ind i denne projektmappe",
    "ribbon.merge.supertip": (
        "I vælger en eller flere kopier af projektmappen. Nye rækker tilføjes, ens rækker står der én gang, og "
        "rækker med forskelligt indhold står side om side til jer at vælge imellem. Kopierne ændres ikke."
    ),
    "ribbon.merge.filter": "Excel-projektmappe (*.xlsx),*.xlsx",
    "ribbon.merge.title": "Vælg de kopier, der skal flettes ind",
    "msg.merge.no_log_sheet": (
        "Knappen i Excel kan ikke tilføje arket {sheet}, som fletningen skriver i. Første gang I fletter: gem og "
        "luk projektmappen, og kør xlplugin merge MAPPE.xlsx KOPI.xlsx; derefter kan I flette med knappen. "
        "Intet er ændret."
    ),
}
