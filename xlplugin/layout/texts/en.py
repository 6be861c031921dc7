"""Every English text the product shows. Same keys as da.py."""

TEXTS: dict[str, object] = {
    "sheet.start": "Start",
    "sheet.step1": "1 Clarify",
    "sheet.step2": "2 Needs and resources",
    "sheet.step3": "3 Interactions",
    "sheet.step4": "4 Platforms",
    "sheet.step5": "5 Maintenance",
    "sheet.themes": "Themes",
    "sheet.catalog": "Catalog",
    "sheet.findings": "Findings",
    "sheet.lists": "Lists",
    "table.facts": "Project",
    "table.groups": "ResidentGroups",
    "table.purposes": "SocialPurposes",
    "table.characteristics": "Characteristics",
    "table.entries": "NeedsResources",
    "table.themes": "Themes",
    "table.interactions": "Interactions",
    "table.platforms": "Platforms",
    "table.criteria": "Criteria",
    "table.requirements": "DesignRequirements",
    "table.maintenance": "MaintenancePlan",
    "table.constraints": "RealityCheck",
    "table.catalog": "PlatformCatalog",
    "table.findings": "FindingsList",
    "title.facts": "Project facts",
    "intro.facts": "Fill in the Value column. The project name stands in the footer when you print.",
    "title.groups": "Resident groups",
    "intro.groups": "One row per resident group, in the building or in the local area. Describe groups, never individuals.",
    "title.purposes": "The building's social purposes",
    "intro.purposes": "Which social purposes must the building serve? Agree on them with residents, municipality and local stakeholders.",
    "title.characteristics": "The building's characteristics",
    "intro.characteristics": (
        "The red thread through the building, e.g. physical activity that can bring vulnerable young people "
        "together. Mark the ones you choose and add your own."
    ),
    "title.entries": "Unmet needs, resources and interests",
    "intro.entries": "One row per need, resource or interest of a group. Pick the group from the list (it comes from step 1).",
    "title.themes": "Themes",
    "intro.themes": "Themes sort needs and resources so they can be matched. Add your own themes and keywords.",
    "title.interactions": "Interaction opportunities",
    "intro.interactions": (
        "The grey columns are filled in when you generate interactions. The Selected and Comment columns are "
        "yours and are kept. Add your own rows at the bottom."
    ),
    "title.platforms": "Assessing the platforms",
    "intro.platforms": (
        "One row per possible platform, scored 1 to 5 on each criterion. The scores are computed when you "
        "suggest platforms, and you may change them. Total weighs them with the weights on the sheet 4 "
        "Requirements and weights. Mark the ones you select."
    ),
    "title.criteria": "Criteria and weights",
    "intro.criteria": (
        "The weights decide how much each criterion counts in the Total column on the sheet 4 Platforms. A "
        "weight of 0 means the criterion does not count."
    ),
    "title.requirements": "Requirements for the building's ordinary physical design",
    "intro.requirements": "The booklet's three requirements are here from the start. Add your own, and mark the ones you will set.",
    "title.maintenance": "Social maintenance plan",
    "intro.maintenance": "One row per selected platform: who starts it and keeps it alive, how often, what it costs, and when you follow up.",
    "title.constraints": "Meeting reality",
    "intro.constraints": (
        "Write down technical, economic, political and organisational constraints as early as possible, and "
        "which step they send you back to."
    ),
    "title.catalog": "Platforms in the catalog",
    "intro.catalog": "Platforms for inspiration. Edit and add freely; the catalog is used when you suggest platforms.",
    "title.findings": "Result of the latest validation",
    "intro.findings": (
        "What is missing or should be fixed, once you have validated the workbook. Click a cell to jump "
        "there. The sheet is rewritten on every validation."
    ),
    "col.facts.field": "Field",
    "col.facts.value": "Value",
    "col.groups.name": "Resident group",
    "col.groups.location": "Where",
    "col.groups.share_pct": "Share in %",
    "col.groups.culture_bearing": "Culture-bearing",
    "col.groups.age": "Age",
    "col.groups.education": "Education",
    "col.groups.employment": "Employment",
    "col.groups.other": "Other characteristics",
    "col.groups.source": "Source of knowledge",
    "col.purposes.purpose": "Social purpose",
    "col.purposes.target_group": "Target group",
    "col.purposes.priority": "Priority",
    "col.characteristics.name": "Characteristic",
    "col.characteristics.description": "What it means for the building",
    "col.characteristics.chosen": "Chosen",
    "col.entries.group": "Resident group",
    "col.entries.kind": "Kind",
    "col.entries.theme": "Theme",
    "col.entries.description": "Description",
    "col.entries.method": "Method or source",
    "col.entries.priority": "Priority",
    "col.entries.suggested_theme": "Suggested theme",
    "col.entries.nature": "Kind of resource",
    "col.themes.name": "Theme",
    "col.themes.description": "Description",
    "col.themes.keywords": "Keywords",
    "col.interactions.id": "ID",
    "col.interactions.type": "Form of interaction",
    "col.interactions.groups": "Groups",
    "col.interactions.need": "Need",
    "col.interactions.resource": "Resource",
    "col.interactions.theme": "Theme",
    "col.interactions.scope": "Internal/external",
    "col.interactions.score": "Points",
    "col.interactions.reasoning": "Reasoning",
    "col.interactions.purposes": "Serves purpose",
    "col.interactions.origin": "Origin",
    "col.interactions.status": "Status",
    "col.interactions.selected": "Selected",
    "col.interactions.comment": "Comment",
    "col.interactions.link": "Link (1-5)",
    "col.interactions.points": "What the points are made of",
    "col.interactions.caution": "Check",
    "col.platforms.name": "Platform",
    "col.platforms.type": "Type",
    "col.platforms.interactions": "Interactions served",
    "col.platforms.strengths": "Strengths",
    "col.platforms.weaknesses": "Weaknesses",
    "col.platforms.total": "Total",
    "col.platforms.selected": "Selected",
    "col.platforms.comment": "Comment",
    "col.criteria.name": "Criterion",
    "col.criteria.weight": "Weight",
    "col.criteria.description": "What earns a high score?",
    "col.requirements.requirement": "Requirement",
    "col.requirements.from_folder": "From the booklet",
    "col.requirements.chosen": "Chosen",
    "col.requirements.comment": "Comment",
    "col.maintenance.platform": "Platform",
    "col.maintenance.maintainer": "Who maintains",
    "col.maintenance.startup": "Start-up",
    "col.maintenance.frequency": "Frequency",
    "col.maintenance.budget": "Budget per year (DKK)",
    "col.maintenance.review_date": "Review date",
    "col.maintenance.success_criterion": "Success criterion",
    "col.constraints.constraint": "Constraint",
    "col.constraints.category": "Kind",
    "col.constraints.back_to_step": "Back to step",
    "col.constraints.action": "Action",
    "col.catalog.name": "Platform",
    "col.catalog.type": "Type",
    "col.catalog.themes": "Themes",
    "col.catalog.interaction": "Interaction",
    "col.catalog.strengths": "Strengths",
    "col.catalog.weaknesses": "Weaknesses",
    "col.catalog.economy": "Economy",
    "col.catalog.maintainer": "Typical maintainer",
    "col.findings.severity": "Severity",
    "col.findings.sheet": "Sheet",
    "col.findings.cell": "Cell",
    "col.findings.problem": "What is wrong",
    "col.findings.advice": "What you can do",
    "help.groups.name": (
        "A short name for the group, e.g. “Seniors”, “Families with children” or “Local sports club”. The "
        "name is used in the lists on the other sheets."
    ),
    "help.groups.location": (
        "Pick In the building if the group lives (or will live) in the building, and In the local area for "
        "neighbours, schools and associations around it."
    ),
    "help.groups.share_pct": (
        "The group's share of the building's households in percent, e.g. 25. The shares of the groups in the "
        "building add up to 100 at most. Leave it empty for groups in the local area."
    ),
    "help.groups.culture_bearing": (
        "Yes if the group is among the culture-bearers: those who set the tone and carry the social life of "
        "the building."
    ),
    "help.groups.age": "The group's typical age, e.g. “65+” or “parents 25-45, children 0-15”.",
    "help.groups.education": "The group's typical education, e.g. “mixed”, “vocational” or “students”.",
    "help.groups.employment": "The group's typical employment, e.g. “mostly working”, “retired” or “studying”.",
    "help.groups.other": (
        "Anything else that marks the group: daily life, wishes, special needs. E.g. “busy days with "
        "children, work and pick-ups”."
    ),
    "help.groups.source": (
        "Where your knowledge of the group comes from. Pick from the list, e.g. Interviews with residents. "
        "KÅS figures are Statistics Denmark's figures on the residents of the area."
    ),
    "help.purposes.purpose": (
        "A social purpose the building must serve, written as an action. E.g. “Fight social isolation among "
        "elderly residents”."
    ),
    "help.purposes.target_group": (
        "The resident group the purpose mainly concerns, e.g. Seniors. Pick from the list (the groups in the "
        "table above), or leave it empty if the purpose concerns everyone."
    ),
    "help.purposes.priority": (
        "How important the purpose is: High, Medium or Low. Purposes of high priority count most when the "
        "platforms are scored."
    ),
    "help.characteristics.name": "A short word for a characteristic, e.g. “Community”, “Green” or “Physical activity”.",
    "help.characteristics.description": (
        "What the characteristic means for the building, and which purpose it serves. E.g. “Physical "
        "activity: courts and equipment in the courtyard that can bring vulnerable young people together”."
    ),
    "help.characteristics.chosen": (
        "Yes if you choose the characteristic for the building. Interactions that fit a chosen characteristic "
        "get extra points."
    ),
    "help.entries.group": (
        "Pick the group from the list, e.g. Families with children. The list shows the groups from the sheet "
        "1 Clarify; if a group is missing, add it there first."
    ),
    "help.entries.kind": (
        "Unmet need (something the group lacks), Resource (something the group can give) or Interest "
        "(something the group would like to share with others)."
    ),
    "help.entries.theme": (
        "Pick the theme that fits best, e.g. Childcare. If you leave it empty, a theme is suggested when you "
        "generate interactions."
    ),
    "help.entries.description": (
        "The need, resource or interest in plain words. E.g. “Help picking up and minding children” or “Free "
        "and flexible time”."
    ),
    "help.entries.method": "How you know. E.g. “interviews with residents”, “home visits” or “senior organisation”.",
    "help.entries.priority": (
        "How important it is to the group: High, Medium or Low. Needs of high priority give the interaction "
        "more points."
    ),
    "help.entries.nature": (
        "Resources only: Person (skills, time), Room or facility, or Offer of an organisation. If you leave "
        "it empty, it is read from the description."
    ),
    "help.themes.name": (
        "The theme's name, as shown in the list in the Theme column on the sheet 2 Needs and resources. E.g. "
        "“Childcare”."
    ),
    "help.themes.keywords": (
        "Words that point to the theme, separated by commas. E.g. “babysitter, pick up, drop off, mind”. Used "
        "to suggest a theme from a description."
    ),
    # --- Theme links and interactions (step 3) ---
    "table.theme_links": "ThemeLinks",
    "title.theme_links": "Which resources can meet which needs",
    "intro.theme_links": (
        "The same theme on a resource and a need always fits (5). Listed here is what else can meet a need: 5 "
        "= just as well, 1 = weakly, 0 = not at all."
    ),
    "col.theme_links.resource_theme": "Resource theme",
    "col.theme_links.need_theme": "Need theme",
    "col.theme_links.strength": "How well (0-5)",
    "col.theme_links.note": "Why",
    "help.theme_links.resource_theme": "The theme of a resource, e.g. Free and flexible time. Pick from the list.",
    "help.theme_links.need_theme": "The theme of the need the resource can meet, e.g. Childcare. Pick from the list.",
    "help.theme_links.strength": "How well the resource meets the need: 5 = as well as the same theme, 1 = weakly, 0 = not at all. E.g. 4.",
    "help.theme_links.note": (
        "Why the resource can meet the need, briefly. E.g. “time and flexibility make picking up and minding "
        "children possible”. Used in the reasoning on the sheet 3 Interactions."
    ),
    "matrix.title": "Matrix: unmet needs and resources by group",
    "matrix.intro": "Updated when you generate interactions. Do not type here; edit the table on the left.",
    "matrix.corner": "Group",
    "matrix.row.need": "Unmet needs",
    "matrix.row.resource": "Resources",
    "matrix.row.interest": "Interests",
    "matrix.local_area": "{group} (local area)",
    "matrix.more": "… and {n} more",
    "reason.and": "and",
    "reason.more_items": "{items} (+{n} more)",
    "reason.group_items": "{group}: {items}",
    "reason.mutual.same": "{giver} can help {receiver} with {theme}.",
    "reason.mutual.link": "{giver} can help {receiver} with {theme} through {resource_theme}.",
    "reason.mutual.note": "{giver} can help {receiver} with {theme}: {note}.",
    "reason.mutual.hands": "{giver} can lend {receiver} a hand as volunteers.",
    "reason.also": "It also gives {receiver} {themes}.",
    "reason.both_ways": "In return, {receiver} can help with {theme}.",
    "reason.both_ways.more": "In return, {receiver} can help with {theme} and {n} more.",
    "reason.both_ways.one_more": "In return, {receiver} can help with {theme} and one more.",
    "reason.useful": "{giver} also get to be of use.",
    "reason.common_solution": "{groups} all lack {theme} and can solve it together, e.g. with a shared platform.",
    "reason.common_third": "{groups} can come together around {theme} as a common third, just because.",
    "reason.third_meets": "At the same time, {theme} can give {groups} {themes}.",
    "reason.characteristic": "It fits the building's characteristic {characteristics}.",
    "reason.suggested": "The theme is guessed from “{description}”: check it on the sheet {sheet}.",
    "reason.caution": "Note: {giver} are a vulnerable group. Agree on support and a fixed frame before they take responsibility for {theme}.",
    "reason.either": "{first} or {second}?",
    "reason.maybe": "{theme}?",
    "reason.number": "{whole}.{tenth}",
    "reason.points": "{parts} = {total} of {maximum}",
    "reason.points.part": "{what} {points}",
    "reason.points.link": "link",
    "reason.points.both_ways": "both ways",
    "reason.points.useful": "being useful",
    "reason.points.priority": "high priority",
    "reason.points.purposes": "purposes",
    "reason.points.together": "shared ground",
    "reason.points.groups": "more groups",
    "reason.points.characteristic": "characteristic",
    "reason.points.meets_needs": "meets needs",
    "msg.match.summary": (
        "{new} new interactions, {updated} updated, {outdated} outdated, {removed} removed and {unchanged} "
        "unchanged ({total} rows on the sheet {sheet})."
    ),
    "msg.match.suggested": "{n} rows without a theme on the sheet {sheet} got a suggested theme in the column {column}.",
    "msg.match.matrix": "The matrix of needs and resources on the sheet {sheet} is updated.",
    "msg.match.no_entries": (
        "There are no needs, resources or interests on the sheet {sheet}. Write them first, and generate "
        "interactions again."
    ),
    "msg.match.package_themes": "The workbook has no {what} on the sheet {sheet}, so the built-in ones were used.",
    "msg.match.what.themes": "themes",
    "msg.match.what.theme_links": "table of which resources can meet which needs",
    "msg.match.failed": (
        "The interactions could not be generated ({reason}). The file was not changed. Please send the file "
        "to your IT support."
    ),
    "msg.match.unsure": (
        "{n} rows without a theme on the sheet {sheet} got no certain suggestion and were left out of the "
        "interactions. Choose a theme in row {rows}."
    ),
    "msg.match.left_out": "{n} weaker suggestions were left out (at most {limit} rows are shown).",
    "msg.match.too_many": (
        "There are too many combinations to compare: {groups} groups give {candidates} possible pairs of "
        "needs and resources (at most {limit}). Merge the groups into fewer, broader groups, and generate "
        "interactions again."
    ),
    "choice.nature.person": "Person (skills, time)",
    "choice.nature.facility": "Room or facility",
    "choice.nature.offer": "Offer of an organisation",
    "match.extra_column": "Column {n}",
    "cli.match.help": "Generate interactions on the sheet 3 Interactions from needs and resources (step 3).",
    "cli.match.path": "The project workbook (.xlsx) to update.",
    "help.interactions.selected": (
        "Yes if you want to take the interaction further. The platforms in step 4 are assessed for the "
        "selected interactions."
    ),
    "help.interactions.comment": "Your own comment, e.g. “Agree with the school”. It is kept when you generate interactions again.",
    "help.interactions.type": (
        "The form of interaction: The common third, Common solution or Benefiting from each other's "
        "resources. Pick one yourselves for a row you add."
    ),
    "help.interactions.scope": "Internal: between the groups in the building. External: with residents and organisations in the local area.",
    "help.interactions.link": (
        "How well the resource fits the need: 5 = the same theme, 3-4 = closely related, 1-2 = loosely "
        "related (see the Themes sheet)."
    ),
    "help.interactions.score": "The interaction's points from 0 to 10. The column What the points are made of shows their parts.",
    "help.interactions.caution": "What to check: a vulnerable group asked to give care, or a theme only guessed from the text.",
    "help.platforms.name": "The platform's name, e.g. “Shared kitchen”, “Meal scheme” or “Resident app”.",
    "help.platforms.type": "Physical (a facility), Content (an activity) or Digital.",
    "help.platforms.score": (
        "Score from 1 (weak) to 5 (strong), one decimal allowed, e.g. 3.5. The scores are computed when you "
        "suggest platforms; a score you change is kept."
    ),
    "help.platforms.selected": "Yes if the platform goes into the building. The maintenance plan in step 5 is made for the selected platforms.",
    "help.criteria.weight": (
        "How much the criterion counts in the Total column: a number from 0 up, e.g. 2 for double weight. 0 "
        "means the criterion does not count."
    ),
    "help.requirements.chosen": "Yes if the requirement is set for the building.",
    "help.maintenance.platform": "Pick one of the platforms from the sheet 4 Platforms, e.g. Meal scheme.",
    "help.maintenance.maintainer": "Who is best suited to start the platform and keep it alive. Pick from the list, e.g. Estate board.",
    "help.maintenance.budget": "The yearly amount in Danish kroner, e.g. 15000. The sum stands in Budget in total above the table.",
    "help.maintenance.review_date": "The date when you check whether the platform works, e.g. 2027-06-01.",
    "help.constraints.back_to_step": "The step the constraint sends you back to, e.g. 4 Platforms. Adjust that step, and carry on from there.",
    "help.catalog.type": "Physical (a facility), Content (an activity) or Digital.",
    "dv.error_title": "Pick from the list",
    "dv.error_list": "The value is not in the list. Click the arrow in the cell and pick a value.",
    "dv.error_dynamic": "The value is not in the list. Add it first on the sheet the list comes from, or pick an existing one.",
    "dv.error_title_number": "Type a number",
    "dv.error_percent": "Type a percentage between 0 and 100, e.g. 25.",
    "dv.error_score": "Type a whole number from 0 to 5.",
    "dv.error_number": "Type a number that is 0 or more.",
    "dv.error_title_date": "Type a date",
    "dv.error_date": "Type a date, e.g. 2027-06-01.",
    "choice.yesno.yes": "Yes",
    "choice.yesno.no": "No",
    "choice.project_kind.new_build": "New build",
    "choice.project_kind.renovation": "Major renovation",
    "choice.phase.before_idea": "Before the idea phase",
    "choice.phase.idea": "Idea phase",
    "choice.phase.design": "Design",
    "choice.phase.construction": "Construction",
    "choice.phase.operation": "Operation and maintenance",
    "choice.location.building": "In the building",
    "choice.location.local_area": "In the local area",
    "choice.source.own_data": "Organisation's own data",
    "choice.source.statistics": "Statistics Denmark (KÅS figures)",
    "choice.source.interviews": "Interviews with residents",
    "choice.source.experts": "Experts",
    "choice.source.other": "Other",
    "choice.priority.high": "High",
    "choice.priority.medium": "Medium",
    "choice.priority.low": "Low",
    "choice.entry_kind.need": "Unmet need",
    "choice.entry_kind.resource": "Resource",
    "choice.entry_kind.interest": "Interest",
    "choice.interaction_type.common_third": "The common third",
    "choice.interaction_type.common_solution": "Common solution",
    "choice.interaction_type.mutual_resources": "Benefiting from each other's resources",
    "choice.scope.internal": "Internal",
    "choice.scope.external": "External",
    "choice.origin.generated": "Generated",
    "choice.origin.manual": "Own row",
    "choice.status.new": "New",
    "choice.status.updated": "Updated",
    "choice.status.unchanged": "Unchanged",
    "choice.status.outdated": "Outdated",
    "choice.platform_type.physical": "Physical",
    "choice.platform_type.content": "Content",
    "choice.platform_type.digital": "Digital",
    "choice.maintainer.residents": "Residents together",
    "choice.maintainer.board": "Estate board",
    "choice.maintainer.caretakers": "Caretakers",
    "choice.maintainer.volunteers": "Volunteer associations",
    "choice.maintainer.organisation": "Housing organisation",
    "choice.maintainer.municipality": "Municipality",
    "choice.maintainer.other": "Others",
    "choice.frequency.weekly": "Weekly",
    "choice.frequency.monthly": "Monthly",
    "choice.frequency.quarterly": "Quarterly",
    "choice.frequency.yearly": "Yearly",
    "choice.frequency.ongoing": "Ongoing",
    "choice.constraint_category.technical": "Technical",
    "choice.constraint_category.economic": "Economic",
    "choice.constraint_category.political": "Political",
    "choice.constraint_category.organisational": "Organisational",
    "choice.step.1": "1 Clarify",
    "choice.step.2": "2 Needs and resources",
    "choice.step.3": "3 Interactions",
    "choice.step.4": "4 Platforms",
    "choice.step.5": "5 Maintenance",
    "list.yesno": "Yes/no",
    "list.project_kind": "New build or renovation",
    "list.phase": "Phase",
    "list.location": "Where",
    "list.source": "Source of knowledge",
    "list.priority": "Priority",
    "list.entry_kind": "Kind",
    "list.nature": "Kind of resource",
    "list.interaction_type": "Form of interaction",
    "list.scope": "Internal/external",
    "list.origin": "Origin",
    "list.status": "Status",
    "list.platform_type": "Platform type",
    "list.maintainer": "Who maintains",
    "list.frequency": "Frequency",
    "list.constraint_category": "Kind of constraint",
    "list.step": "Step",
    "list.groups": "Resident groups",
    "list.themes": "Themes",
    "list.platforms": "Platforms",
    "fact.name": "Project name",
    "fact.organisation": "Housing organisation",
    "fact.department": "Department (afdeling)",
    "fact.municipality": "Municipality",
    "fact.kind": "New build or renovation",
    "fact.phase": "Phase",
    "fact.responsible": "Responsible",
    "fact.date": "Date",
    "guide.start.title": "Social innovation in new builds and renovations",
    "guide.start.purpose": (
        "This workbook takes you through the method's five steps, so that social life is built into the "
        "project from the start: before the idea phase, before the build or renovation begins. The aim is a "
        "building where residents feel safe, know and help each other, inside the building and with the local "
        "area."
    ),
    "guide.start.method": [
        "Work step by step. Each step has its own sheet with a short guide at the top; click a step in the overview at the bottom.",
        "Type into the tables. Where a cell has a list, click the arrow and pick. Click a cell to see what to write.",
        "Involve the developer, the municipality and the residents as active participants in all five steps, not only as receivers of the finished building.",
        "The steps hang together, and reality often sends you back. Feel free to adjust the earlier steps as you go.",
        "With the add-in (the Social innovation tab) you can validate the workbook, generate interactions, suggest platforms and make a maintenance plan. Without it the workbook works as a normal spreadsheet.",
        "The workbook is safe to e-mail, as it holds no macros. Describe groups, never individuals, and never write CPR numbers, e-mail addresses or phone numbers.",
    ],
    "guide.start.status_title": "The five steps and your progress",
    "guide.step1.title": "Step 1: Clarify residents, social purposes and characteristics",
    "guide.step1.purpose": (
        "Who lives, or will live, in the building? Which social purposes must it serve, and which "
        "characteristics should mark it when it is finished?"
    ),
    "guide.step1.method": [
        "Gather the knowledge the housing organisation already has, e.g. through the administration and the estate board.",
        "Get the KÅS figures for the housing area: Statistics Denmark's figures on who lives there (age, households, education, employment and income). They are available from Statistics Denmark; Landsbyggefonden's Beboerdata has similar figures for each estate.",
        "Hold curious, exploratory interviews with the residents.",
        "Agree on the social purposes with residents, local stakeholders, experts and the municipality, e.g. in workshops.",
    ],
    "guide.step1.note": (
        "everyone is treated as an equal and with dignity, even without the same abilities, knowledge, "
        "influence, money or power. All parties take part in the community on an equal footing, physically "
        "and socially."
    ),
    "guide.step2.title": "Step 2: Map unmet needs and resources",
    "guide.step2.purpose": (
        "Map the unmet needs and resources among the residents and in the local area, relative to the social "
        "purposes from step 1. Interests that groups would like to share can go here too."
    ),
    "guide.step2.method": [
        "Visit current or future residents and learn about their life situation, daily life and expectations.",
        "Talk to experts on the target group, e.g. disability organisations, senior organisations and the probation service.",
        "Find the groups, social initiatives and dynamics in the local area that the building could play into.",
    ],
    "guide.step3.title": "Step 3: Uncover interaction opportunities",
    "guide.step3.purpose": (
        "Use the needs and resources from step 2 to find interactions between residents, inside the building "
        "and with the local area."
    ),
    "guide.step3.method": [
        "The common third: interaction that does not spring from needs but raises quality of life, just because.",
        "Common solution: several groups share an unmet need and solve it together, e.g. healthy food or exercise.",
        "Benefiting from each other's resources: one group's resource meets another group's need, ideally both ways.",
    ],
    "guide.step4.title": "Step 4: Platforms and physical frames for social interaction",
    "guide.step4.purpose": (
        "Decide the platforms the building must hold to support the interactions from step 3: physical "
        "(facilities), content (activities) and digital. The building must fit the residents, not the other way round."
    ),
    "guide.step4.method": [
        "Find possible platforms. See the Catalog sheet for inspiration.",
        "Make clear which interactions, target groups and purposes each platform serves.",
        "Select platforms on strengths, weaknesses, economy, how they play together and other factors. The requirements for the physical frames and the weights are on the sheet 4 Requirements and weights.",
    ],
    "guide.step5.title": "Step 5: Securing social interaction and its maintenance",
    "guide.step5.purpose": (
        "Even good physical frames need the interaction started and kept going. Social maintenance ranks "
        "equal to building maintenance."
    ),
    "guide.step5.method": [
        "Who maintains? Residents together, the estate board, the caretakers, volunteer associations or others.",
        "Think new and experiment: give the estate board a new role, for instance, or the caretaker social duties.",
        "Create new concepts that promote active residency, so that the responsibility does not rest on a few enthusiasts.",
        "Share your knowledge, and write down the constraints from meeting reality, so you can adjust the earlier steps.",
    ],
    "guide.themes.title": "Themes for needs and resources",
    "guide.themes.purpose": (
        "The themes are the words needs and resources are matched by. The list in the Theme column on the "
        "sheet 2 Needs and resources comes from here."
    ),
    "guide.themes.method": [
        "Edit or add themes and keywords. The changes are used the next time you generate interactions.",
        "The table “Which resources can meet which needs” shows what else fits together, e.g. that free time can meet childcare.",
        "This sheet is left out when you print the whole workbook. To print it: Page Layout > Print Area > Clear Print Area.",
    ],
    "guide.catalog.title": "Platform catalog",
    "guide.catalog.purpose": "Examples of platforms the building can hold. Use them as inspiration for the sheet 4 Platforms.",
    "guide.catalog.method": [
        "Add your own experience so the catalog grows with every project.",
        "This sheet is left out when you print the whole workbook. To print it: Page Layout > Print Area > Clear Print Area.",
    ],
    "guide.findings.title": "Checking the workbook",
    "guide.findings.purpose": "The result of the latest validation. Fix the errors in the sheets, and validate again.",
    "guide.findings.method": [
        "Errors must be fixed, warnings should be looked at, and notes are good advice.",
        "This sheet is left out when you print the whole workbook; the report shows the open errors and warnings first. To print the sheet: Page Layout > Print Area > Clear Print Area.",
    ],
    "guide.method_heading": "How to do it",
    "guide.note_heading": "Remember",
    "start.col.step": "Step",
    "start.col.what": "What",
    "start.col.count": "Count",
    "start.col.state": "Status",
    "start.state.done": "Started",
    "start.state.todo": "Not started",
    "status.groups": "Resident groups",
    "status.purposes": "Social purposes",
    "status.entries": "Needs, resources and interests",
    "status.interactions": "Interaction opportunities",
    "status.selected_interactions": "Selected interactions",
    "status.platforms": "Platforms",
    "status.selected_platforms": "Selected platforms",
    "status.maintenance": "Maintenance plans",
    "status.constraints": "Recorded constraints",
    "print.page": "Page &P of &N",
    "print.untitled": "Project workbook",
    "requirement.folder": [
        "Break with the staircase principle in the building.",
        "Make flexible rooms for the social platforms, as the need for platforms changes over time.",
        "Place common environments around the dwellings, not only in common houses and the like.",
    ],
    "characteristic.folder": [
        "Creativity",
        "Community",
        "Green",
        "Diversity",
        "Cross-generational",
        "Multicultural",
        "Physical activity",
    ],
    "cli.description": "Plan the social life of a new or renovated Danish social-housing estate (five steps).",
    "cli.new.help": "Create a new project workbook.",
    "cli.new.path": "The file to create (e.g. Project.xlsx).",
    "cli.new.example": "Write the booklet's worked example (families with children and seniors) into the workbook.",
    "cli.new.force": "Overwrite the file if it exists.",
    "cli.new.name": "The project's name.",
    "cli.metavar.command": "COMMAND",
    "cli.metavar.file": "FILE",
    "cli.metavar.folder": "FOLDER",
    "cli.lang": "Language: da (Danish, default) or en (English).",
    "msg.created": "{path} has been created ({sheets} sheets).",
    "msg.exists": "The file {path} already exists. Choose another name, or use --force to overwrite it.",
    "msg.bad_suffix": "{path} must end in .xlsx. Project workbooks are plain Excel files without macros.",
    "msg.no_folder": "The folder {folder} does not exist. Create it first, or choose another place.",
    "msg.cannot_write": "Could not write {path}: {reason}. Close the file if it is open in Excel, and try again.",
    "msg.error_prefix": "Error",
    "msg.unexpected": (
        "Error: something unexpected went wrong ({reason}). The file is unchanged. The details are in {log}; "
        "send that file to your IT support if the error persists."
    ),
    # --- Reading and saving workbooks (issue 3) ----------------------------------
    "msg.not_found": "The file {path} does not exist. Check the path and the name.",
    "msg.not_a_file": "{path} is a folder, not a project workbook. Give a .xlsx file.",
    "msg.cannot_read": "Could not read {path}: {reason}. Check that you have access to the file.",
    "msg.empty_file": "The file {path} is empty (0 bytes). It may have been cut off while copying; use an earlier copy or the backup file (.bak).",
    "msg.encrypted": "{path} is protected with a password. Open it in Excel, remove the password under File > Info > Protect Workbook, save, and try again.",
    "msg.old_xls": "{path} is in the old Excel format (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx), and try again.",
    "msg.not_xlsx": (
        "{path} is not an Excel workbook (.xlsx), whatever its name says; it may be a CSV or text file. Open "
        "it in Excel and save it as .xlsx, or create a new project workbook."
    ),
    "msg.xlsb": "{path} is saved as an Excel Binary Workbook (.xlsb). Save it as a normal Excel Workbook (.xlsx) and try again.",
    "msg.corrupt": "{path} is damaged or incomplete and cannot be read. Try opening it in Excel (which offers to repair it), or use the backup file (.bak).",
    "msg.zip_bomb": "{path} would take more than {mb} MB unpacked. It is not read, as it does not look like a normal project workbook. Check where it came from.",
    "msg.not_project": (
        "{path} is not an xlplugin project workbook: it does not have the sheets and tables of the five "
        "steps. Create a new project workbook and copy the content over."
    ),
    "msg.sheet_missing": "The sheet {sheet} is missing from the workbook. If it was renamed, give it its name back.",
    "msg.table_missing": "The table {table} is missing from the sheet {sheet}. If it was renamed or converted to a normal range, give it its name back (Table Design > Table Name).",
    "msg.file_locked": "{path} is open in Excel (or someone else has it open), so it cannot be written. Save and close it in Excel, and try again.",
    "msg.file_changed": "{path} was changed while the action ran. Nothing was written. Try again.",
    "msg.read_failed": (
        "The workbook could not be read to the end ({reason}). The file was not changed. Please send the file "
        "to your IT support."
    ),
    "msg.saved": "Saved in {path}. The previous version is in {backup}.",
    # --- Findings from reading (finding.X is what is wrong, advice.X what to do) -
    "finding.sheet_missing": "The sheet {sheet_name} is missing, so the table {table} cannot be read.",
    "advice.sheet_missing": (
        "If the sheet was renamed, give it the name {sheet_name} back. If it was deleted, copy it from a new "
        "project workbook."
    ),
    "finding.optional_table_missing": "The table {table} (Excel table {table_name}) is not in the workbook, so the built-in values are used.",
    "advice.optional_table_missing": "To edit them, copy the table {table_name} from a new project workbook.",
    "finding.table_missing": "The table {table} (Excel table {table_name}) was not found on the sheet.",
    "advice.table_missing": (
        "Give the table the name {table_name} back (Table Design > Table Name), or copy the table from a new "
        "project workbook."
    ),
    "finding.merged_cells": "The cells {range} in the table {table} are merged.",
    "advice.merged_cells": "Unmerge them (Home > Merge & Center) so each cell holds its own value.",
    "finding.typed_below": "{count} row(s) were typed just below the table {table} instead of inside it. They were read too.",
    "advice.typed_below": "Drag the table's bottom right corner down so the rows become part of the table and get its lists and formats.",
    "finding.column_missing": "The column {column} is missing from the table {table}.",
    "advice.column_missing": "If the header was changed, type {column} in the header row again.",
    "finding.not_number": "{column}: the cell does not hold a number.",
    "advice.not_number": "Type a number, e.g. 25 or 25.5.",
    "finding.not_date": "{column}: the cell does not hold a valid date.",
    "advice.not_date": "Type the date as yyyy-mm-dd, e.g. 2027-06-01.",
    "finding.not_yesno": "{column}: the cell must hold Yes or No.",
    "advice.not_yesno": "Choose Yes or No from the cell's list.",
    "finding.choice_unknown": "{column}: the value is not in the list.",
    "advice.choice_unknown": "Click the arrow in the cell and choose a value from the list.",
    "finding.required_missing": "{column} must be filled in.",
    "advice.required_missing": "Fill in the cell, or delete the row if it is not needed.",
    "finding.row_unreadable": "A row in the table {table} could not be read.",
    "advice.row_unreadable": "Check the row's values against the headers, and click the cells to see what belongs there.",
    # --- Findings from the rules (issue 3) ------------------------------------------
    "finding.share_range": "{column}: the share must be between 0 and 100 %.",
    "advice.share_range": "Type the group's share of the households in percent, e.g. 25.",
    "finding.shares_total": "The shares of the groups in the building add up to {total} %, more than 100 %.",
    "advice.shares_total": "Correct the shares in the column {column} so they add up to at most 100.",
    "finding.group_duplicate": "The group name is already used in {first}.",
    "advice.group_duplicate": "Give each group its own name, or delete one of the rows.",
    "finding.group_without_entries": "The group has no unmet needs and no resources on the sheet {step_sheet}.",
    "advice.group_without_entries": "Add at least one need or one resource for the group on the sheet {step_sheet}.",
    "finding.no_purpose": "No social purpose is written yet.",
    "advice.no_purpose": "Write at least one social purpose the building must serve.",
    "finding.group_unknown": "{column}: the group is not one of the resident groups on the sheet 1 Clarify.",
    "advice.group_unknown": "Choose the group from the cell's list, or add it as a resident group first.",
    "finding.group_unknown_in_list": "{column}: at least one of the groups is not one of the resident groups.",
    "advice.group_unknown_in_list": "Write the groups' names exactly as on the sheet 1 Clarify, separated by commas.",
    "finding.theme_unknown": "{column}: the theme is not on the Themes sheet.",
    "advice.theme_unknown": "Choose a theme from the cell's list, or add the theme on the Themes sheet.",
    "finding.platform_unknown": "{column}: the platform is not on the sheet 4 Platforms.",
    "advice.platform_unknown": "Choose the platform from the cell's list, or add it on the sheet 4 Platforms first.",
    "finding.entry_duplicate": "The same need or resource of the same group is already in {first}.",
    "advice.entry_duplicate": "Delete one of the rows, or make the descriptions different.",
    "finding.score_range": "{column}: the score must be a number from 1 to 5.",
    "advice.score_range": "Type a number from 1 (weak) to 5 (strong), or leave the cell empty.",
    "finding.weight_negative": "{column}: the weight must not be negative.",
    "advice.weight_negative": "Type 0 or a positive number. 0 means the criterion does not count.",
    "finding.weights_all_zero": "All criteria weights are 0, so the total cannot be computed.",
    "advice.weights_all_zero": "Give at least one criterion a weight above 0.",
    "finding.number_negative": "{column}: the amount must not be negative.",
    "advice.number_negative": "Type 0 or a positive amount.",
    "finding.date_implausible": "{column}: the date is outside 1950-2100.",
    "advice.date_implausible": "Check the year, and type the date as yyyy-mm-dd.",
    "finding.catalog_incomplete": "The catalog platform is missing: {columns}.",
    "advice.catalog_incomplete": "Fill in the empty fields so the platform can be used when you suggest platforms.",
    "finding.platform_without_interaction": "A platform is selected, but no interaction is selected on the sheet {step_sheet}.",
    "advice.platform_without_interaction": "First select the interactions the platforms must support (column Selected on the sheet {step_sheet}).",
    "finding.maintenance_unselected": "There is a maintenance plan for a platform that is not selected on the sheet {step_sheet}.",
    "advice.maintenance_unselected": "Mark the platform as selected on the sheet {step_sheet}, or delete the plan.",
    "finding.platform_without_maintenance": "The selected platform has no plan yet on the sheet {step_sheet}.",
    "advice.platform_without_maintenance": "Describe on the sheet {step_sheet} who starts the platform and keeps it alive.",
    "finding.text_too_long": "The text is {length} characters; at most {limit} fit the cell.",
    "advice.text_too_long": "Shorten the text, or split it over several rows.",
    "finding.privacy_cpr": "The cell seems to hold a CPR number.",
    "advice.privacy_cpr": "Delete the CPR number. The workbook is often sent by e-mail and must describe groups, not persons.",
    "finding.privacy_email": "The cell seems to hold an e-mail address.",
    "advice.privacy_email": "Delete the e-mail address, or write a role instead, e.g. the estate board.",
    "finding.privacy_phone": "The cell seems to hold a phone number.",
    "advice.privacy_phone": "Delete the phone number. The workbook is often sent by e-mail, so write a role rather than a person.",
    "finding.findings_table_missing": "The table for the validation result is missing, so the result could not be written into the workbook.",
    "advice.findings_table_missing": (
        "Run xlplugin validate on the workbook while it is saved and closed; it makes the sheet {findings_sheet} "
        "again. The Validate button in Excel cannot add sheets."
    ),
    # --- Validation: findings sheet and command line ---------------------------------
    "severity.error": "Error",
    "severity.warning": "Warning",
    "severity.note": "Note",
    "findings.none": "Nothing to fix. The workbook validated without errors, warnings or notes.",
    "validate.summary": "Errors: {errors}. Warnings: {warnings}. Notes: {notes}.",
    "validate.written": "The result is on the sheet {sheet}, and the cells with errors and warnings are marked.",
    "validate.not_written": "The result was not written into the workbook (--no-write).",
    "cli.validate.help": (
        "Validate a project workbook: write the result on the Findings sheet and show it here. Exits with 0 "
        "(no errors), 1 (errors found) or 2 (the file could not be read or written)."
    ),
    "cli.validate.path": "The project workbook to validate (.xlsx).",
    "cli.validate.no_write": "Only show the result; do not write into the workbook.",
    "finding.fact_missing": "{column} must be filled in.",
    "advice.fact_missing": "Type the {column} in the {value_column} column on the {start_sheet} sheet.",
    "finding.cell_error": "{column}: the cell's formula gives an error (such as #DIV/0! or #N/A).",
    "advice.cell_error": "Correct the formula, or type the value into the cell.",
    # --- Excel add-in: ribbon (labels go into the add-in's VBA at build time) -------
    "ribbon.xlpluginTab.label": "Social innovation",
    "ribbon.grpProject.label": "Project workbook",
    "ribbon.grpHelp.label": "Help",
    "ribbon.grpStep3.label": "Step 3: Interactions",
    "ribbon.new.label": "New project workbook",
    "ribbon.new.screentip": "Create a new project workbook",
    "ribbon.new.supertip": "Creates a project workbook with a sheet per step, lists and guidance. You choose where to save it.",
    "ribbon.new.filename": "Project.xlsx",
    "ribbon.new.filter": "Excel workbook (*.xlsx),*.xlsx",
    "ribbon.validate.label": "Validate",
    "ribbon.validate.screentip": "Check the project workbook",
    "ribbon.validate.supertip": (
        "Checks every step for missing or wrong information and lists the result on the Findings sheet, with "
        "a link to each cell."
    ),
    "ribbon.match.label": "Generate interactions",
    "ribbon.match.screentip": "Find interaction opportunities between the groups",
    "ribbon.match.supertip": (
        "Matches the needs and resources of step 2 and fills the sheet 3 Interactions. Your selections, "
        "comments and own rows are kept."
    ),
    "ribbon.help.label": "Help",
    "ribbon.help.screentip": "How to use the Social innovation tab",
    "ribbon.help.supertip": "Shows what the buttons do, and which version of the add-in and of Python is used.",
    "ribbon.no_workbook": "Open a project workbook, or create one with the New project workbook button, and try again.",
    # --- Excel add-in: what a button press shows -----------------------------------
    "ribbon.title": "Social innovation",
    "ribbon.progress.start": "{action} …",
    "ribbon.progress.read": "{action}: reading {table} …",
    "ribbon.progress.write": "{action}: writing {table} …",
    "ribbon.new.done": "{path} has been created.",
    "ribbon.new.exists": "The file {path} already exists, and the button never overwrites a file. Choose another name.",
    "ribbon.help.text": (
        "The Social innovation tab guides you through the five steps.\n"
        "\n"
        "New project workbook: creates a workbook with a sheet per step.\n"
        "Validate: lists missing or wrong information on the Findings sheet.\n"
        "Generate interactions: fills the sheet 3 Interactions from the needs and resources.\n"
        "Suggest platforms and Make maintenance plan: fill the sheets 4 Platforms and 5 Maintenance.\n"
        "\n"
        "The buttons work on the open workbook; save it yourself when you are happy.\n"
        "\n"
        "Add-in {addin_version}, xlplugin {version}, xlwings {xlwings}\n"
        "Python: {python}"
    ),
    "ribbon.error.title": "{action} could not finish",
    "ribbon.error.unexpected": (
        "An unexpected error happened: {reason}\n\nThe details are saved in {log}. Try again; "
        "if the error persists, send that file to your IT support."
    ),
    "ribbon.error.version": (
        "The add-in is version {addin}, but the Python package xlplugin is version {package}. "
        "Run  xlplugin addin install  in a command prompt (Mac: Terminal), and restart Excel."
    ),
    "ribbon.error.not_project": (
        "The workbook “{book}” was not made with Social innovation (its sheets are missing). Open a project "
        "workbook, or create one with the New project workbook button."
    ),
    # --- The Office.js add-in and the web page (issue 17) ----------------------------------
    "msg.snapshot.not_project": (
        "This workbook was not made with Social innovation (its sheets are missing). "
        "Open a project workbook, or create one with New project workbook."
    ),
    "msg.snapshot.unsupported": (
        "The add-in and its Python part are of different versions (workbook snapshot version {expected} expected). "
        "Close Excel and open it again; if that does not help, ask IT to update the add-in."
    ),
    "web.error.unexpected": (
        "An unexpected error happened: {reason}. The workbook is unchanged. Try again; if the error persists, "
        "tell your IT support (the details are in the browser's developer console)."
    ),
    # --- The web page and the task pane (issue 17) ------------------------------------
    "web.page.title": "Social innovation – the project workbook in your browser",
    "web.page.intro": (
        "Check and fill in a project workbook without the Excel add-in and without installing anything. "
        "The file stays on your computer: it is not sent anywhere."
    ),
    "web.page.lang_switch": "Dansk",
    "web.page.step_file": "1. Choose the project workbook",
    "web.page.drop": "Drag the project workbook (.xlsx) here, or",
    "web.page.pick": "choose a file",
    "web.page.chosen": "Chosen: {name} ({size} kB)",
    "web.page.not_xlsx": "Choose an Excel project workbook (a file ending in .xlsx).",
    "web.page.step_actions": "2. Run an action",
    "web.page.actions_hint": "The actions change your copy of the workbook here in the browser. Download the result afterwards.",
    "web.page.about.validate": "Finds missing or wrong information and lists it on the Findings sheet.",
    "web.page.about.match": "Step 3: finds interactions between the resident groups from their needs and resources.",
    "web.page.about.platforms": "Step 4: rates platforms for the interactions you selected.",
    "web.page.about.plan": "Step 5: a maintenance plan for the platforms you selected.",
    "web.page.step_result": "3. Result",
    "web.page.download": "Download the workbook",
    "web.page.download_hint": "The downloaded file holds the changes the actions made. Open it in Excel or LibreOffice.",
    "web.page.findings": "Findings of the validation",
    "web.page.no_findings": "No findings: the workbook is in order.",
    "web.page.col.severity": "Severity",
    "web.page.col.sheet": "Sheet",
    "web.page.col.cell": "Cell",
    "web.page.col.what": "What is wrong",
    "web.page.col.advice": "What you can do",
    "web.page.loading": "Getting Python ready … The first time this can take up to half a minute; after that the page also works offline.",
    "web.page.ready": "Ready.",
    "web.page.running": "{action} is running …",
    "web.page.done": "{action} is done ({seconds} s).",
    "web.page.failed": "{action} could not be completed. The workbook is unchanged. Reload the page and try again.",
    "web.page.failed_start": "Python could not start in this browser. Use a recent version of Edge, Chrome, Firefox or Safari, and reload the page.",
    "web.page.privacy": "Nothing leaves your computer: the workbook is processed here in the browser.",
    "web.pane.title": "Social innovation",
    "web.pane.intro": "The buttons on the Social innovation tab work on the open project workbook. Here you see how it goes.",
    "web.pane.new_done": "The new project workbook is open in a new window. Save it where you like.",
    "web.pane.new_example": "With the folder's example",
    "web.pane.unsupported": "This version of Excel cannot run the add-in (it needs Microsoft 365 or Excel 2021 or later).",
    "web.pane.help": (
        "The buttons do what they do in the desktop Excel add-in: Validate lists the findings on the Findings sheet, "
        "Generate interactions fills 3 Interactions, Suggest platforms fills 4 Platforms, and Make maintenance plan fills 5 Maintenance. Make report gives the report as a Word document to download here in the pane. "
        "Merge copies brings in your colleagues' copies (you pick the files here in the pane). Python runs here in Excel; nothing is sent anywhere. Save the workbook when you are happy."
    ),
    "web.manifest.description": "Plan the social life of a new or renovated social-housing estate in the folder's five steps: validate the workbook, find interactions, rate platforms and make a maintenance plan.",
    "web.manifest.new.tip": "Opens a new project workbook in a new window, with a sheet per step, lists and guidance. Save it where you like.",
    "web.manifest.validate.tip": "Checks every step for missing or wrong information and lists the findings on the Findings sheet, with a link to each cell.",
    "web.manifest.match.tip": "Matches the needs and resources of step 2 and fills the sheet 3 Interactions. Your selections, comments and own rows are kept.",
    "web.manifest.platforms.tip": "Rates the catalog for the interactions you selected in step 3 and fills 4 Platforms. Your choices, comments, own scores and own rows are kept.",
    "web.manifest.plan.tip": "Writes one row per chosen platform on 5 Maintenance, with suggested maintainers and the folder's advice. What you wrote yourself is kept.",
    "web.manifest.overview.tip": "Counts groups, needs, resources, interactions, platforms, maintenance and budget on the Overview sheet; the charts follow the figures.",
    "web.manifest.merge.tip": "Pick your colleagues' copies of the workbook (.xlsx): their new rows come into this one, rows changed in both stand side by side as a conflict, and the Merge log sheet says what came from where. The copies are not changed.",
    "web.pane.merge_pick": "Pick the copies to merge in: press Merge copies here in the pane.",
    # --- the browser: upgrade, overview and the report on the web page; the add-in sends the user there
    "web.page.upgrade.label": "Upgrade the workbook",
    "web.page.about.upgrade": "Brings a workbook made with an older version of xlplugin up to today's. Everything you typed is kept.",
    "web.page.about.overview": "Counts up on the Overview sheet, and adds the sheet with its charts if the workbook was made before it existed.",
    "web.page.about.report": "The report for the developer, the municipality and the residents as a Word document. The workbook is not changed.",
    "web.page.download_report": "Download the report",
    "web.page.layout_older": (
        "The workbook was made with an older version of xlplugin (layout {found}; this version uses layout {current}). "
        "Press Upgrade the workbook above; it brings it up to today's, keeping all content. The workbook is not changed."
    ),
    "web.report.done": "The report is ready: {name}. Download it with the button Download the report.",
    "web.report.figures_as_tables": (
        "The figures are shown here as tables with the same numbers (the report was made in the browser). The report "
        "from the desktop add-in or the command line draws them."
    ),
    "web.pane.layout_older": (
        "The workbook was made with an older version of xlplugin (layout {found}; this version uses layout {current}) "
        "and must be upgraded first. Save and close it, open {page} in the browser, drop the workbook there, press "
        "Upgrade the workbook and download it again. All content is kept. The workbook is not changed."
    ),
    "web.pane.upgrade": (
        "The button in Excel cannot upgrade the workbook. Save and close it, open {page} in the browser, drop the "
        "workbook there, press Upgrade the workbook and download it again."
    ),
    "web.pane.overview_charts": (
        "The sheet {sheet} has been added with its figures but without its charts: the button in Excel cannot draw "
        "them. For the charts, delete the sheet {sheet}, save and close the workbook, open {page} in the browser, "
        "drop the workbook there, press Refresh overview and download it again."
    ),
    "web.manifest.report.tip": "Makes the report for the developer, the municipality and the residents as a Word document, which you download from the pane. The workbook is not changed.",
    "web.manifest.help.tip": "Shows what the buttons do, in the pane on the right.",
    "web.build.host_https": "The add-in's address must start with https:// (Office loads add-ins over HTTPS only): {host}",
    "cli.web.build.host": "The site's address (https://…/) that manifest.xml points at; without it no manifest is written.",
    "msg.addin.desktop_missing": (
        "The desktop Excel add-in needs the packages {missing}, which are not installed. "
        'Install xlplugin with them:  pip install "xlplugin[desktop]"  and try again.'
    ),
    "web.build.no_checkout": "Build the site from a checkout of xlplugin after  npm ci  (Pyodide in node_modules/pyodide and the pages in web/site under {folder}).",
    "web.build.abi": "The Pyodide in node_modules is built for ABI {found}; web/wheels.txt is for {expected}. Run  npm ci  again.",
    "web.build.not_empty": "{folder} exists and is not an earlier build of the site. Give an empty or new folder.",
    "web.build.wheel_missing": "The wheel of {name} is not in {folder}.",
    "web.build.pip_failed": "pip could not download or build the wheels (its message is above). Check the connection to the package index.",
    "web.build.done": "The site is in {folder}: Pyodide {pyodide} and {wheels} wheels. Serve it over HTTPS (see the README).",
    "cli.web.help": "The add-in for Excel on the web, Windows and Mac without Python (Office.js), and the web page: build or try the site.",
    "cli.web.build.help": "Write the static site (Pyodide, the wheels, the pages) to a folder.",
    "cli.web.build.out": "The site's folder.",
    "cli.web.build.wheels": "Take the wheels of web/wheels.txt from this folder instead of downloading them.",
    # --- Command line: the add-in -----------------------------------------------------
    "cli.addin.help": "Build, install or remove the Excel add-in (the Social innovation tab).",
    "cli.addin.build.help": "Build the add-in (.xlam) from xlwings' template.",
    "cli.addin.build.out": "The file to build (default: xlplugin.xlam).",
    "cli.addin.install.help": "Install the add-in in Excel's startup folder (XLSTART) and let its buttons use this Python.",
    "cli.addin.install.ribbon_lang": "Language of the tab: auto (as Excel), da or en.",
    "cli.addin.uninstall.help": "Remove the add-in and its settings.",
    "cli.addin.status.help": "Show whether the add-in is installed and which Python it uses.",
    "cli.addin.startup_dir": "Put the add-in in this folder instead of Excel's XLSTART (e.g. a trusted location).",
    "msg.addin.built": "{path} has been built ({size} bytes).",
    "msg.addin.installed": "The add-in has been installed in {path}.",
    "msg.addin.config": "The buttons run Python {python} (settings: {config}).",
    "msg.addin.runpython": "macOS: the RunPython script is in {path}.",
    "msg.addin.restart": "Restart Excel to see the Social innovation tab.",
    "msg.addin.uninstalled": "{path} has been removed.",
    "msg.addin.status_installed": "The add-in version {version} is installed in {path}.",
    "msg.addin.status_outdated": "That is not the Python package's version ({package}): run  xlplugin addin install  again.",
    "msg.addin.status_missing": "The add-in is not installed; xlplugin addin install puts it in {path}.",
    "msg.addin.status_no_config": "There is no settings file ({config}), so the buttons will not find Python. Run  xlplugin addin install.",
    "msg.addin.no_startup": "Could not find Excel's startup folder (XLSTART): {reason}. Excel must be installed; start Excel once, and try again.",
    "msg.addin.in_use": "Could not write {path} because the file is in use. Quit Excel completely, and try again.",
    "msg.addin.no_template": "xlwings' add-in template is missing ({path}). Reinstall xlplugin with pip.",
    "cli.templates.help": "Write the blank templates (Danish and English) and the example into a folder.",
    "cli.templates.folder": "The folder to write into (default: workbook_templates).",
    "cli.demo.help": "Show the whole tool on the booklet's example: create the example workbook and run every action on it.",
    "cli.demo.outdir": "The folder the example is written into (default: demo).",
    "demo.step": "--- {number}. xlplugin {command} ---",
    "demo.done": "Done. Open {path} in Excel or LibreOffice and look at the result.",
    # --- add-in (issue 12)
    "msg.addin.config_encoding": (
        "Cannot write the setting {setting} = {value}: Excel's macros read the settings file in the "
        "{encoding} code page, which has no letter for some of its characters. Install Python in a "
        "folder whose path has only Western European letters, and try again."
    ),
    "msg.addin.config_quote": "Cannot write the setting {setting} = {value}: Excel's macros cannot read a quotation mark in it.",
    "ribbon.save_first": "Save the workbook first (File > Save As), and press the button again.",
    "ribbon.new.mac_no_workbook": (
        "On a Mac, the button starts from a saved workbook: open any saved workbook and press it again "
        "(or in Terminal: xlplugin new FILE.xlsx)."
    ),
    # --- steps 4 and 5: evaluation and maintenance plan
    "choice.level.low": "Low",
    "choice.level.medium": "Medium",
    "choice.level.high": "High",
    "list.level": "Level",
    "criterion.interactions.name": "Interactions (1-5)",
    "criterion.interactions.description": "The platform supports several of the selected interactions: their themes and form of interaction.",
    "criterion.target_groups.name": "Target groups (1-5)",
    "criterion.target_groups.description": "The platform reaches the groups taking part in the selected interactions.",
    "criterion.purposes.name": "Purposes (1-5)",
    "criterion.purposes.description": "The platform serves the social purposes from step 1, above all those of high priority.",
    "criterion.economy.name": "Economy (1-5)",
    "criterion.economy.description": "Construction and running are cheap (low gives 5, high gives 1).",
    "criterion.operation.name": "Operation (1-5)",
    "criterion.operation.description": "The platform can be kept going without depending on a few enthusiasts.",
    "criterion.skills.name": "Skills (1-5)",
    "criterion.skills.description": "The platform needs no special skills, or residents have them as a resource.",
    "eval.quote": "“{text}”",
    "eval.which.selected": "selected interactions",
    "eval.which.all": "interactions on step 3 (none is selected yet)",
    "eval.which.groups_selected": "in the selected interactions",
    "eval.which.groups_all": "in the building",
    "eval.interactions.no_interactions": "There are no interactions on step 3 yet.",
    "eval.interactions.none": "Supports none of the {total} {which}.",
    "eval.interactions.served": "Supports {served} of {total} {which}: {ids}.",
    "eval.interactions.served_many": "Supports {served} of {total} {which}, among them {ids}.",
    "eval.interactions.meeting": "Supports none of the {total} {which} directly, but is a meeting place for the groups of {meeting} of them.",
    "eval.interactions.served_meeting": "Supports {served} of {total} {which}: {ids}. Is also a meeting place for the groups of {meeting} more.",
    "eval.interactions.served_many_meeting": "Supports {served} of {total} {which}, among them {ids}. Is also a meeting place for the groups of {meeting} more.",
    "eval.groups.no_groups": "The project has no resident groups yet.",
    "eval.groups.unknown": "The catalog names no target groups for the platform.",
    "eval.groups.none": "Reaches none of the groups {groups}.",
    "eval.groups.reached": "Reaches {served} of {total} groups {where}: {groups}.",
    "eval.purposes.no_purposes": "Step 1 has no social purposes yet.",
    "eval.purposes.none": "Serves none of the {total} social purposes from step 1.",
    "eval.purposes.served": "Serves {served} of {total} social purposes from step 1: {purposes}.",
    "eval.purposes.served_partly": "Serves {served} of {total} social purposes from step 1 ({purposes}) and touches {partly} more through its themes.",
    "eval.purposes.partly": "Touches {partly} of {total} social purposes from step 1 through its themes: {purposes}.",
    "eval.economy.unknown": "The catalog does not say what the platform costs.",
    "eval.economy.levels": "Construction: {construction}. Running: {running}.",
    "eval.level.low": "low",
    "eval.level.medium": "medium",
    "eval.level.high": "high",
    "eval.level.unknown": "not given",
    "eval.operation.low": "Largely runs itself once it is going.",
    "eval.operation.medium": "Needs someone to keep it going regularly.",
    "eval.operation.high": "Depends on someone taking responsibility for it all the time.",
    "eval.operation.unknown": "The catalog does not say how much the platform depends on someone to keep it going.",
    "eval.skills.none": "Needs no special skills.",
    "eval.skills.offered": "Needs {skills}, which a group has as a resource on step 2.",
    "eval.skills.missing": "Needs {skills}, which no group has as a resource on step 2.",
    "eval.skills.some_missing": "Needs {skills}; no group has {missing} as a resource on step 2.",
    "eval.problem.missing": "The catalog row lacks {columns} and is not evaluated.",
    "eval.advice.missing": "Fill in {columns} on the sheet {sheet}, or delete the row.",
    "eval.problem.unknown_themes": "The catalog row names {n} theme(s) that are not on the sheet {sheet}.",
    "eval.advice.unknown_themes": "Write the themes as they are on the sheet {sheet}, or add them there.",
    "plan.maintainers.catalog": "The catalog suggests: {maintainers}.",
    "plan.maintainers.unknown": "The platform is not in the catalog. Choose who is best suited to maintain it.",
    "plan.advice.residents": "Residents together: agree who does what, e.g. with hosts taking turns.",
    "plan.advice.board": "Estate board: give the board more responsibility for the building's social life, this platform included.",
    "plan.advice.caretakers": "Caretakers: let their role include social duties too, e.g. showing new residents the platform.",
    "plan.advice.volunteers": "Volunteer associations: involve associations from the local area and agree on a fixed contact person in the estate.",
    "plan.advice.organisation": "Housing organisation: agree who is responsible and set money aside for running it in the budget.",
    "plan.advice.municipality": "Municipality: agree on the cooperation and the money before the platform starts.",
    "plan.advice.other": "Find out who is best suited to start the platform and keep it alive.",
    "plan.advice.choose": "Consider residents together, the estate board, the caretakers, volunteer associations or others.",
    "plan.advice.active_residents": (
        "The platform depends on enthusiasts. Create new concepts that promote active residency, so that the "
        "responsibility does not rest on a few."
    ),
    "plan.note.equal_rank": "Social maintenance must rank as high as building maintenance. Give every platform a budget and a review date.",
    "plan.note.experiment": "Think new and experiment, and share your experience with other estates.",
    "plan.requirement.staircase": "Break with the staircase principle in the building.",
    "plan.requirement.flexible_rooms": "Make flexible rooms for the social platforms, as the need for platforms changes over time.",
    "plan.requirement.around_dwellings": "Place common environments around the dwellings, not only in common houses and the like.",
    "plan.reason.folder": "One of the booklet's three requirements for the building's ordinary physical design.",
    "plan.reason.platforms": "Asked for by {platforms}.",
    # proposed headers and help for the Katalog sheet's new columns (wiring: layout spec)
    "col.catalog.id": "ID",
    "col.catalog.description": "Description",
    "col.catalog.forms": "Forms of interaction",
    "col.catalog.target_groups": "Target groups",
    "col.catalog.purposes": "Purposes",
    "col.catalog.construction_cost": "Construction",
    "col.catalog.running_cost": "Running",
    "col.catalog.dependency": "Depends on enthusiasts",
    "col.catalog.skills": "Skills needed",
    "col.catalog.requirements": "Physical requirements",
    "col.catalog.other_maintainers": "Other maintainers",
    "col.requirements.asked_by": "Asked for by",
    "col.maintenance.advice": "Suggestions and advice",
    "help.catalog.target_groups": (
        "The groups the platform is for, separated by commas. E.g. “All”, “Families with children, Seniors” "
        "or your own group names."
    ),
    "help.catalog.purposes": (
        "The social purposes the platform supports, separated by semicolons. E.g. “Fight loneliness; "
        "Strengthen neighbourliness”."
    ),
    "help.catalog.skills": (
        "Themes from the Themes sheet that residents must master, separated by commas. E.g. “IT and digital "
        "skills”. Empty if nothing special is needed."
    ),
    "help.catalog.requirements": (
        "What the platform needs from the building, separated by semicolons. E.g. “On the ground floor; "
        "access to water”."
    ),
    # --- JSON exchange (issue 15)
    "msg.export.done": "Exported: {groups} resident groups, {entries} needs, resources and interests, {interactions} interactions and {platforms} platforms.",
    "msg.export.unread": "{n} cells could not be read and are left out. Run xlplugin validate to see which.",
    "msg.export.written": "The project is saved as {path}.",
    "msg.import.not_json": "The file is not valid JSON (line {line}, character {column}).",
    "msg.import.not_project": "The file is not an xlplugin project (the field \"format\" must be \"xlplugin-project\").",
    "msg.import.newer": "The project comes from a newer version of the workbook (layout {layout}); this version of xlplugin reads up to layout {supported}. Update xlplugin.",
    "msg.import.invalid": "The project cannot be read: the field {where} is invalid ({problem}); {count} problems in all.",
    "msg.import.unreadable": "The file {path} cannot be read as text (UTF-8).",
    "cli.export.help": "Save the whole project as one JSON document (for version control or other systems). The workbook is not changed.",
    "cli.export.path": "The project workbook (.xlsx).",
    "cli.export.out": "The JSON file (default: the workbook's name with .json; - writes to the screen).",
    "cli.import.help": "Create a new project workbook from a JSON document that export wrote.",
    "cli.import.path": "The JSON file.",
    "cli.import.out": "The new project workbook (.xlsx).",
    "cli.schema.help": "Show the JSON Schema of the project document.",
    # --- overview and report (issue 14) ---
    "sheet.overview": "Overview",
    "overview.title": "Project overview",
    "overview.intro": "Updated when you refresh the overview (the Refresh overview button). Do not type here; edit the steps' sheets.",
    "overview.figures": "Key figures",
    "overview.value": "Number",
    "overview.figure.groups": "Resident groups",
    "overview.figure.local_groups": "of which in the local area",
    "overview.figure.needs": "Unmet needs",
    "overview.figure.resources": "Resources",
    "overview.figure.interests": "Interests",
    "overview.figure.interactions": "Interaction opportunities",
    "overview.figure.chosen": "Chosen interactions",
    "overview.figure.internal": "of which internal",
    "overview.figure.external": "of which external",
    "overview.figure.platforms": "Chosen platforms",
    "overview.figure.covered": "Chosen platforms with a maintenance plan",
    "overview.figure.budget": "Yearly budget for social maintenance (DKK)",
    "overview.figure.constraints": "Known constraints",
    "overview.figure.errors": "Open errors",
    "overview.figure.warnings": "Open warnings",
    "overview.group": "Group",
    "overview.more_groups": "{n} other groups",
    "overview.form": "Form of interaction",
    "overview.type": "Platform type",
    "overview.chosen_platforms": "Chosen",
    "overview.budget": "DKK a year",
    "overview.chart.groups": "Needs and resources per group",
    "overview.chart.forms": "Chosen interactions by form",
    "overview.chart.platforms": "Chosen platforms by type",
    "overview.chart.budget": "Yearly budget by platform type",
    "overview.chart.count": "Number",
    "overview.chart.kroner": "DKK a year",
    "overview.added": "The workbook was made before the sheet {sheet}; it has been added now.",
    "overview.done": "The sheet {sheet} is refreshed ({errors} errors and {warnings} warnings in the workbook).",
    "cli.overview.help": "Refresh the Overview sheet's key figures and charts",
    "cli.upgrade.help": "Bring a workbook from an older version up to today's; all its content is kept",
    "cli.upgrade.path": "The workbook (.xlsx) to upgrade",
    "upgrade.current": "The workbook already has layout {layout}; nothing changed.",
    "upgrade.done": "The workbook is upgraded from layout {found} to layout {layout}; all its content is kept.",
    "upgrade.sheet_added": "The sheet {sheet} has been added.",
    "upgrade.columns_added": "The table {table} has {n} new columns (at its end).",
    "report.title": "The social life of {name}",
    "report.subtitle": "A report for the developer, the municipality and the residents, after KAB's five steps",
    "report.file_suffix": " - report",
    "report.unnamed": "Unnamed project",
    "report.page": "Page {{page}} of {{pages}}",
    "report.money": "DKK {amount}",
    "report.more": "… and {n} more",
    "report.findings.heading": "Open errors and warnings in the workbook",
    "report.findings.intro": (
        "The workbook has {errors} errors and {warnings} warnings. Fix them so the report rests on the right "
        "information (validate the workbook in Excel to see them at their cells)."
    ),
    "report.figures.heading": "Key figures",
    "report.figures.groups": "Resident groups",
    "report.figures.groups_value": "{n}, of which {local} in the local area",
    "report.figures.entries": "Needs, resources, interests",
    "report.figures.entries_value": "{needs} unmet needs, {resources} resources, {interests} interests",
    "report.figures.interactions": "Chosen interactions",
    "report.figures.interactions_value": "{chosen} of {proposed} opportunities, {external} of them external",
    "report.figures.forms": "Interactions by form",
    "report.figures.platforms": "Chosen platforms by type",
    "report.figures.maintenance": "Maintenance",
    "report.figures.maintenance_value": "{covered} of {chosen} chosen platforms have a plan; {budget} a year",
    "report.figures.constraints": "Known constraints",
    "report.step4.requirements_open": "No requirements chosen yet. The booklet's and the platforms' suggestions:",
    "report.facts.heading": "Project facts",
    "report.facts.none": "The project's facts are not filled in yet.",
    "report.facts.method": "The report follows KAB's five steps for social innovation in new building: 1 clarification, 2 needs and resources, 3 interactions, 4 platforms and physical frames, 5 social maintenance – and meeting reality.",
    "report.summary.heading": "Overview for the meeting",
    "report.summary.intro": "From the building's social purposes through the chosen interactions and platforms to who keeps them going and what it costs – and the constraints we know of.",
    "report.summary.purposes": "Social purposes ({n})",
    "report.summary.interactions": "Chosen interactions ({n})",
    "report.summary.platforms": "Chosen platforms ({n})",
    "report.summary.maintenance": "Maintenance and budget",
    "report.summary.constraints": "Known constraints ({n})",
    "report.summary.interaction": "{what}: {groups} ({form})",
    "report.summary.platform": "{name} ({type})",
    "report.summary.upkeep": "{platform}: {maintainer}, {budget} a year",
    "report.summary.budget_total": "In total {budget} a year",
    "report.summary.uncovered": "Without a plan: {platforms}",
    "report.summary.constraint": "{constraint} ({category})",
    "report.summary.no_purposes": "No social purposes yet (step 1).",
    "report.summary.no_interactions": "No interactions chosen yet (step 3: write Yes in the column Selected).",
    "report.summary.no_platforms": "No platforms chosen yet (step 4).",
    "report.summary.no_maintenance": "No maintenance plan yet (step 5).",
    "report.summary.no_constraints": "No constraints written down yet.",
    "report.step1.heading": "Step 1: Residents, social purposes and characteristics",
    "report.step1.intro": "Who will live here, what the building must do for them, and which characteristics run as a red thread through the building.",
    "report.step2.heading": "Step 2: Unmet needs and resources",
    "report.step2.intro": "The matrix shows each group's unmet needs, resources and interests in the building and the local area.",
    "report.step2.counts": "{groups} groups have {needs} unmet needs, {resources} resources and {interests} interests in all.",
    "report.step3.heading": "Step 3: Interaction opportunities",
    "report.step3.intro": "The interactions the project group has chosen: the common third, common solutions and benefiting from each other's resources – internal to the building and external with the local area.",
    "report.step3.counts": "{chosen} of {proposed} interaction opportunities are chosen: {internal} internal and {external} external.",
    "report.step3.chosen": "The chosen interactions",
    "report.step3.carried_by": "Platform",
    "report.step4.heading": "Step 4: Platforms and physical frames",
    "report.step4.intro": "The platforms the building must hold to carry the interactions, with strengths and weaknesses, and the requirements for the building's ordinary physical design.",
    "report.step4.counts": "{chosen} of {proposed} evaluated platforms are chosen.",
    "report.step4.carries": "Carries interactions",
    "report.step5.heading": "Step 5: Social maintenance",
    "report.step5.intro": "Who starts the interaction and keeps it going, how often, what it costs, and when we look at it again.",
    "report.step5.budget": "The yearly budget for social maintenance is {budget} across {n} platforms.",
    "report.step5.uncovered": "These chosen platforms have no maintenance plan yet: {platforms}.",
    "report.step5.who": "Responsibility lies with: {who}.",
    "report.step5.note": "Social maintenance ranks equal to building maintenance. Think new, experiment, and share what you learn.",
    "report.reality.intro": "Technical, economic, political and organisational constraints we have met, and which step they send us back to.",
    "report.none.groups": "No resident groups yet.",
    "report.none.purposes": "No social purposes yet.",
    "report.none.characteristics": "No characteristics chosen yet.",
    "report.none.entries": "No needs or resources written down yet.",
    "report.none.interactions": "No interactions chosen yet.",
    "report.none.platforms": "No platforms chosen yet.",
    "report.none.requirements": "No requirements chosen yet.",
    "report.none.maintenance": "No maintenance plan yet.",
    "report.none.constraints": "No constraints written down yet.",
    "report.chart.count": "Number",
    "report.chart.chosen": "Chosen",
    "report.chart.needs_resources": "Needs, resources and interests per group",
    "report.chart.needs_resources.caption": "Number of unmet needs, resources and interests per group (step 2).",
    "report.chart.forms": "Chosen interactions by form",
    "report.chart.forms.caption": "The chosen interactions by form, internal and external (step 3).",
    "report.chart.platforms": "Chosen platforms by type",
    "report.chart.platforms.caption": "The chosen platforms by type (step 4).",
    "report.network.caption": "The network: the groups (with their needs and resources) meet through the chosen interactions on the platforms that carry them. Dashed lines are external interactions with the local area.",
    "report.network.bundle": "{theme} ({n} interactions)",
    "report.network.counts": "{needs} needs, {resources} resources",
    "report.network.groups": "Groups",
    "report.network.interactions": "Chosen interactions",
    "report.network.platforms": "Platforms",
    "report.network.needs": "Needs: {items}",
    "report.network.resources": "Resources: {items}",
    "report.network.internal": "Internal interaction",
    "report.network.external": "External interaction",
    "report.network.empty": "No interactions are chosen yet, so there is no network to draw.",
    "cli.report.help": "Make a report (PDF or Word) for the developer, the municipality and the residents",
    "cli.report.path": "The project workbook (.xlsx)",
    "cli.report.out": "Where to save the report (default: next to the workbook)",
    "cli.report.format": "pdf or docx (default: from the file name, else pdf)",
    "msg.report.done": "The report is saved in {path} ({pages} pages).",
    "msg.report.done_docx": "The report is saved in {path}.",
    "msg.report.findings": "The workbook has {n} open errors and warnings; they come first in the report.",
    "msg.report.suffix": "Save the report as .pdf or .docx, not {path}.",
    "ribbon.report.unsaved": "Save the workbook first, so the report can be saved next to it.",
    "ribbon.grpReport.label": "Report",
    "ribbon.overview.label": "Refresh overview",
    "ribbon.overview.screentip": "Refresh the Overview sheet",
    "ribbon.overview.supertip": "Counts groups, needs, resources, interactions, platforms, maintenance and budget on the Overview sheet; the charts follow the figures. Nothing else in the workbook changes.",
    "ribbon.report.label": "Make report",
    "ribbon.report.screentip": "Make a report for the developer, the municipality and the residents",
    "ribbon.report.supertip": "Saves a PDF next to the workbook: an overview for the meeting, the five steps, the matrix, the network, the platforms, the maintenance plan and the reality check. The workbook is not changed.",
    # --- the command line's own words: argparse's English as it is (issue 13)
    "argparse.usage: ": "usage: ",
    "argparse.positional arguments": "positional arguments",
    "argparse.options": "options",
    "argparse.optional arguments": "optional arguments",
    "argparse.show this help message and exit": "show this help message and exit",
    "argparse.the following arguments are required: %s": "the following arguments are required: %s",
    "argparse.unrecognized arguments: %s": "unrecognized arguments: %s",
    "argparse.invalid choice: %(value)r (choose from %(choices)s)": "invalid choice: %(value)r (choose from %(choices)s)",
    "argparse.invalid choice: %(value)r (choose from %(choices)s) ": "invalid choice: %(value)r (choose from %(choices)s) ",
    "argparse.argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "argparse.%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argparse.expected one argument": "expected one argument",
    "argparse.expected at most one argument": "expected at most one argument",
    "argparse.expected at least one argument": "expected at least one argument",
    "argparse.ambiguous option: %(option)s could match %(matches)s": "ambiguous option: %(option)s could match %(matches)s",
    "argparse.invalid %(type)s value: %(value)r": "invalid %(type)s value: %(value)r",
    "argparse.not allowed with argument %s": "not allowed with argument %s",
    "argparse.ignored explicit argument %r": "ignored explicit argument %r",
    "argparse.one of the arguments %s is required": "one of the arguments %s is required",
    "argparse.unknown parser %(parser_name)r (choices: %(choices)s)": "unknown parser %(parser_name)r (choices: %(choices)s)",
    "argparse.expected %s argument": "expected %s argument",
    "argparse.expected %s arguments": "expected %s arguments",
    # --- hostile input (issue 16) -------------------------------------------------
    "msg.unexpected.at": "{type} at the cell {cell} on the sheet {sheet}",
    "msg.interrupted": "Stopped (Ctrl+C). The workbook is either unchanged or completely saved; nothing is half-written.",
    "msg.name_too_long": (
        "The name of {path} is too long: the backup and the temporary file beside it would get "
        "{length} characters, and the folder allows at most {limit}. Give the file a shorter name, and try again. The file is unchanged."
    ),
    "msg.disk_full": (
        "There is not enough space in the folder {folder}: {free} MB free, and the backup and the new version "
        "need about {needed} MB. Free some space, and try again. The file is unchanged."
    ),
    "msg.new.backup": "The previous project workbook is kept in {backup}.",
    "privacy.removed": "(personal data removed)",
    "finding.privacy_comment_cpr": "The cell's note seems to hold a CPR number.",
    "advice.privacy_comment_cpr": (
        "Delete the CPR number in the cell's note (right-click the cell > Edit Note; in older Excel: Edit "
        "Comment). The workbook must describe groups, not persons."
    ),
    "finding.privacy_comment_email": "The cell's note seems to hold an e-mail address.",
    "advice.privacy_comment_email": (
        "Delete the e-mail address in the cell's note (right-click the cell > Edit Note; in older Excel: Edit "
        "Comment), or write a role instead."
    ),
    "finding.privacy_comment_phone": "The cell's note seems to hold a phone number.",
    "advice.privacy_comment_phone": (
        "Delete the phone number in the cell's note (right-click the cell > Edit Note; in older Excel: Edit "
        "Comment); write a role rather than a person."
    ),
    "finding.lists_missing": "The hidden sheet {lists_sheet} with the lists behind the dropdowns is missing, so the workbook's dropdowns do not work.",
    "advice.lists_missing": (
        "Run xlplugin validate on the workbook while it is saved and closed (without --no-write); it makes the "
        "sheet and the names lst_… again. The Validate button in Excel cannot add sheets."
    ),
    "finding.lists_broken": (
        "{n} of the names lst_…, through which the dropdowns read their lists on the hidden sheet "
        "{lists_sheet}, point at nothing, so those dropdowns do not work."
    ),
    "advice.lists_broken": (
        "Run xlplugin validate on the workbook while it is saved and closed (without --no-write); it makes the "
        "sheet {lists_sheet} and the names lst_… again. The Validate button in Excel cannot add sheets."
    ),
    "finding.lists_restored": (
        "The hidden sheet {lists_sheet} with the lists behind the dropdowns was missing or broken; it has been "
        "made again with the names lst_…, so the dropdowns work again."
    ),
    "advice.lists_restored": "Nothing to do. If you had typed anything on the sheet {lists_sheet} yourselves, it is in the backup (.bak).",
    "finding.findings_restored": "The sheet {findings_sheet} (or its table) was missing; it has been made again, and the result is on it.",
    "advice.findings_restored": "Nothing to do.",
    "msg.live.cannot_add_sheet": (
        "The button in Excel cannot add the sheet {sheet}. Save and close the workbook, and run the command on "
        "the file (xlplugin validate or xlplugin overview PROJECT.xlsx)."
    ),
    # --- the in-place writer (issue 9) ---
    "msg.backup_name_too_long": "The name of {path} is too long to keep a backup next to it. Give the file a shorter name, and try again.",
    "msg.layout.older": (
        "The workbook was made by an older version of xlplugin (layout {found}; this version uses layout {current}). "
        "Save and close the workbook, and run xlplugin upgrade BOOK.xlsx; it brings it up to today's, keeping all "
        "its content. The workbook is not changed."
    ),
    "msg.layout.newer": (
        "The workbook was made by a newer version of xlplugin (layout {found}); this version reads up to layout "
        "{current}. Update xlplugin. The workbook is not changed."
    ),
    "msg.upgrade.file_only": "The button in Excel cannot upgrade the workbook. Save and close it, and run xlplugin upgrade BOOK.xlsx.",
    "msg.overview.missing": (
        "The workbook has no sheet {sheet}, because an older version made it, and the button in Excel cannot "
        "add sheets. Save and close the workbook, and run xlplugin overview PROJECT.xlsx; it adds the sheet "
        "with its charts."
    ),
    "msg.read_only": "{path} is read-only, so the result cannot be saved in it. Remove the read-only setting (or save a copy), and try again.",
    "msg.busy": "{path} is being worked on by another action (or another window) right now. Wait for it to finish, and try again.",
    "finding.formula_no_result": "The cell in the table {table} holds a formula without a stored result, so it reads as empty.",
    "advice.formula_no_result": "Open the file in Excel (or LibreOffice) and save it so the formula's result is kept; or type the value instead of the formula.",
    # wiring of steps 4 and 5: the sheets, the actions, the ribbon
    "col.platforms.score_interactions": "Interactions (1-5)",
    "col.platforms.score_target_groups": "Target groups (1-5)",
    "col.platforms.score_purposes": "Purposes (1-5)",
    "col.platforms.score_economy": "Economy (1-5)",
    "col.platforms.score_operation": "Operation (1-5)",
    "col.platforms.score_skills": "Skills (1-5)",
    "col.platforms.reasons": "Reasons (computed scores)",
    "col.platforms.origin": "Origin",
    "col.platforms.status": "Status",
    "col.criteria.key": "Key",
    "help.criteria.key": "Which score column the weight is for, e.g. economy. Leave the key; you may rename the criterion.",
    "help.platforms.comment": "Your own notes, e.g. “Place next to the shared kitchen”. They are kept when you suggest platforms again.",
    "dv.error_rating": "Type a number from 1 (weak) to 5 (strong), e.g. 3 or 4.5.",
    "platforms.reason_line": "{criterion} {score}: {reason}",
    "platforms.own_score": "{criterion} {score}: {reason} Your own score ({own}) is kept.",
    "start.state.complete": "Done",
    "msg.platforms.summary": (
        "{new} new platforms, {updated} updated, {outdated} outdated, {removed} removed and {unchanged} "
        "unchanged ({total} rows on the sheet {sheet})."
    ),
    "msg.platforms.basis_selected": "Evaluated for the {n} interactions selected on the sheet {sheet}.",
    "msg.platforms.basis_all": (
        "No interaction is selected on the sheet {sheet}, so the platforms are assessed for all {n}. Mark the "
        "interactions you will take further, and suggest platforms again."
    ),
    "msg.platforms.top": "Ranked best: {names}.",
    "msg.platforms.kept_scores": "{n} scores you set yourselves are kept.",
    "msg.platforms.problems": "{n} catalog rows could not be used as they are. Validate the workbook to see which.",
    "msg.platforms.requirements": "The physical design requirements are updated: {n} are asked for by the selected platforms.",
    "msg.platforms.failed": (
        "The platforms could not be assessed ({reason}). The file was not changed. Please send the file to "
        "your IT support."
    ),
    "msg.plan.summary": (
        "{new} new plans, {updated} updated, {unchanged} unchanged and {kept} of your own kept ({total} rows "
        "on the sheet {sheet})."
    ),
    "msg.plan.none_selected": "No platform is selected on the sheet {sheet}. Mark the ones you choose, and make the maintenance plan again.",
    "msg.plan.budget": "Budget in total: DKK {budget} a year.",
    "msg.plan.reviews": "Review dates in order: {reviews}.",
    "msg.plan.review": "{date} {platform}",
    "msg.plan.no_review": "{n} plans have no review date yet.",
    "msg.plan.failed": (
        "The maintenance plan could not be made ({reason}). The file was not changed. Please send the file to "
        "your IT support."
    ),
    "maintenance.budget_total": "Budget in total",
    "cli.platforms.help": "Suggest and evaluate platforms on the sheet 4 Platforms for the selected interactions (step 4).",
    "cli.platforms.path": "The project workbook (.xlsx) to update.",
    "cli.plan.help": "Make a social maintenance plan on the sheet 5 Maintenance for the selected platforms (step 5).",
    "cli.plan.path": "The project workbook (.xlsx) to update.",
    "ribbon.grpStep45.label": "Steps 4 and 5: Platforms",
    "ribbon.platforms.label": "Suggest platforms",
    "ribbon.platforms.screentip": "Evaluate platforms for the selected interactions",
    "ribbon.platforms.supertip": (
        "Assesses the catalog for the interactions you selected in step 3, with the weights on the sheet 4 "
        "Requirements and weights, and fills 4 Platforms. Your choices, comments, own scores and own rows are "
        "kept."
    ),
    "ribbon.plan.label": "Make maintenance plan",
    "ribbon.plan.screentip": "A plan for the selected platforms",
    "ribbon.plan.supertip": (
        "Writes one row per selected platform on 5 Maintenance with the catalog's suggested maintainers and "
        "the booklet's advice. What you wrote yourselves is kept."
    ),
    "finding.constraint_without_action": "The constraint has no action yet.",
    "advice.constraint_without_action": "Write what you will do about it and which step it sends you back to.",
    "finding.catalog_row": "{problem}",
    "advice.catalog_row": "{advice}",
    "finding.criterion_key_unknown": "The criterion has a key the add-in does not know; its weight does not count.",
    "advice.criterion_key_unknown": "Type one of the keys {keys}, or delete the row.",
    "criterion.interactions.short": "Interactions",
    "criterion.target_groups.short": "Target groups",
    "criterion.purposes.short": "Purposes",
    "criterion.economy.short": "Economy",
    "criterion.operation.short": "Operation",
    "criterion.skills.short": "Skills",
    # --- issue 13: step 4's requirements and weights on their own sheet, the folder's source
    "sheet.frames": "4 Requirements and weights",
    "guide.frames.title": "Step 4: Requirements for the physical frames, and weights for the platforms",
    "guide.frames.purpose": (
        "The building's ordinary physical design must support interaction too, not only the special "
        "platforms. The weights decide what counts most when the platforms on the sheet 4 Platforms are scored."
    ),
    "guide.frames.method": [
        "Go through the booklet's three requirements, and mark the ones you will set for the building. Add your own.",
        "When you suggest platforms, the requirements the selected platforms set are written here, with who asks for them.",
        "Set the weights so that the criteria that matter most to you count most. A weight of 0 means the criterion does not count.",
    ],
    # --- issue 13: what sheets, headers and choices said before (old workbooks are still read)
    "guide.start.source": (
        "The method, the example and the advice come from the booklet “Social innovation ved nybyggeri og "
        "omdannelser” (Social innovation in new builds and conversions) from KAB's project of the same name."
    ),
    "guide.step2.note": (
        "The matrix to the right of the table shows needs and resources per group, as in the booklet. It is "
        "updated when you generate interactions, and prints on a page of its own."
    ),
    "former.sheet.findings": [
    ],
    "former.col.maintenance.review_date": [
    ],
    "former.col.theme_links.strength": [
        "Strength (0-5)",
    ],
    "former.col.findings.severity": [
    ],
    "former.col.findings.problem": [
    ],
    "former.col.findings.advice": [
    ],
    "former.col.requirements.from_folder": [
        "From the folder",
    ],
    "former.col.catalog.requirements": [
        "Requirements for the physical frames",
    ],
    "former.choice.interaction_type.mutual_resources": [
        "Each other's resources",
    ],
    "former.choice.origin.manual": [
        "Manual",
    ],
    "former.choice.maintainer.board": [
        "Department board",
    ],
    # --- issue 13: prompts for every input column, each fact its own
    "help.facts.name": "The project's name, as it will stand in the footer of every printed page. E.g. “New build at Skovparken”.",
    "help.facts.organisation": "The housing organisation that builds or renovates. E.g. “Example Housing Association”.",
    "help.facts.department": "The estate's (afdeling's) name or number in the housing organisation. E.g. “Department 42” or “Skovparken”.",
    "help.facts.municipality": "The municipality the building is in. E.g. “Roskilde Municipality”.",
    "help.facts.kind": "Pick New build or Major renovation from the list.",
    "help.facts.phase": (
        "How far the project has come. Pick from the list, e.g. Before the idea phase. The method works best "
        "when you start before the idea phase."
    ),
    "help.facts.responsible": (
        "The role responsible for the work on social life. Write a role, not a name, e.g. “Project manager” "
        "or “Social housing officer”."
    ),
    "help.facts.date": "The date of this version of the plan, e.g. 2027-03-01. Update it when you update the plan.",
    "help.entries.suggested_theme": (
        "Filled in when you generate interactions: the theme that fits the description. A question mark means "
        "you should pick the theme yourselves in the Theme column."
    ),
    "help.interactions.id": (
        "The interaction's number, e.g. S-01. Filled in when you generate interactions; give your own rows a "
        "number, e.g. E-01."
    ),
    "help.interactions.groups": (
        "The groups taking part, e.g. “Seniors → Families with children” (the arrow points from the giver to "
        "the receiver). Write the names as on the sheet 1 Clarify."
    ),
    "help.interactions.theme": "The theme the interaction is about, e.g. Childcare.",
    "help.interactions.need": "The need the interaction meets, as written on the sheet 2 Needs and resources.",
    "help.interactions.resource": "The resource that meets the need, as written on the sheet 2 Needs and resources.",
    "help.interactions.reasoning": (
        "Why the interaction makes sense, in plain words. Written when you generate interactions; write your "
        "own reasoning for a row you add."
    ),
    "help.interactions.points": "What the points are made of, e.g. “link 5 + both ways 1.5 = 6.5 of 10”.",
    "help.interactions.purposes": "The social purposes from the sheet 1 Clarify that the interaction serves.",
    "help.interactions.origin": "Generated: the row was made when you generated interactions. Own row: you wrote it yourselves.",
    "help.interactions.status": (
        "What happened to the row the last time you generated interactions: New, Updated, Unchanged or "
        "Outdated (no longer fits step 2)."
    ),
    "help.platforms.interactions": "The selected interactions from the sheet 3 Interactions that the platform supports, e.g. “S-02 Childcare”.",
    "help.platforms.strengths": (
        "The platform's strengths, e.g. “Makes it easy to ask for help”. Taken from the catalog; write your "
        "own for a platform you add."
    ),
    "help.platforms.weaknesses": (
        "The platform's weaknesses, e.g. “Needs digital skills”. Taken from the catalog; write your own for a "
        "platform you add."
    ),
    "help.platforms.score_interactions": (
        "How many of the selected interactions the platform supports: 1 (none) to 5 (all). E.g. 3.5. A score "
        "you change is kept."
    ),
    "help.platforms.score_target_groups": (
        "How many of the groups in the selected interactions the platform reaches: 1 (none) to 5 (all). E.g. "
        "4. A score you change is kept."
    ),
    "help.platforms.score_purposes": (
        "How well the platform serves the social purposes from step 1, above all those of high priority: 1 to "
        "5. E.g. 3.4. A score you change is kept."
    ),
    "help.platforms.score_economy": "How cheap the platform is to set up and run: 5 = cheap, 1 = expensive. E.g. 4. A score you change is kept.",
    "help.platforms.score_operation": (
        "How easily the platform keeps going without depending on a few enthusiasts: 5 = easily, 1 = hardly. "
        "E.g. 3. A score you change is kept."
    ),
    "help.platforms.score_skills": (
        "Whether the platform can run without special skills, or residents have them as a resource: 5 = yes, "
        "1 = no. E.g. 5. A score you change is kept."
    ),
    "help.platforms.total": (
        "The mean of the six scores, weighted by the weights on the sheet 4 Requirements and weights. "
        "Computed by a formula; do not type here."
    ),
    "help.platforms.reasons": "Why the platform got its scores, one criterion per line. Written when you suggest platforms.",
    "help.platforms.origin": "Generated: the platform comes from the catalog. Own row: you added it yourselves.",
    "help.platforms.status": "What happened to the row the last time you suggested platforms: New, Updated, Unchanged or Outdated.",
    "help.criteria.name": (
        "The criterion's name, as it stands above the score column on the sheet 4 Platforms, e.g. “Economy "
        "(1-5)”. You may rename it."
    ),
    "help.criteria.description": (
        "What earns a high score, e.g. “Setting up and running it is cheap”. For explanation only; the text "
        "does not change the scores."
    ),
    "help.requirements.requirement": "A requirement for the building's ordinary physical design, e.g. “Place common areas around the homes”.",
    "help.requirements.asked_by": "The selected platforms that set the requirement. Filled in when you suggest platforms.",
    "help.requirements.comment": "Your own comment, e.g. “Agreed with the architect”.",
    "help.requirements.from_folder": "Yes for the three requirements from KAB's booklet. No (or empty) for requirements you or the platforms added.",
    "help.maintenance.advice": "The catalog's suggested maintainers and the booklet's advice. Written when you make the maintenance plan.",
    "help.maintenance.startup": (
        "How the platform is started, and by whom. E.g. “The estate board invites to a kick-off meeting and "
        "makes a meal plan”."
    ),
    "help.maintenance.frequency": "How often someone must keep the platform alive: Weekly, Monthly, Quarterly, Yearly or Ongoing.",
    "help.maintenance.success_criterion": "When the platform works, in a way that can be measured. E.g. “At least 20 residents eat together every week”.",
    "help.constraints.constraint": "A constraint you have met, e.g. “The budget does not cover both the shared kitchen and the children's lounge”.",
    "help.constraints.category": (
        "Technical (building, installations), Economic (money), Political (decisions, rules) or "
        "Organisational (roles, people)."
    ),
    "help.constraints.action": (
        "What you do about the constraint, e.g. “Put the children's lounge next to the shared kitchen so they "
        "share the space”."
    ),
    "help.themes.description": "One sentence on what the theme covers. E.g. “Minding and picking up children, play dates”.",
    "help.catalog.name": "The platform's name, e.g. “Shared kitchen”. This is the name that stands on the sheet 4 Platforms.",
    "help.catalog.description": "What the platform is, in a sentence or two. E.g. “A kitchen where residents can cook and eat together”.",
    "help.catalog.themes": (
        "The themes from the Themes sheet that the platform fits, separated by commas. E.g. “Shared meals, "
        "Social contact”."
    ),
    "help.catalog.forms": (
        "The forms of interaction the platform supports, separated by commas. E.g. “The common third, Common "
        "solution”. The forms are The common third, Common solution and Benefiting from each other's "
        "resources."
    ),
    "help.catalog.interaction": "How the platform brings people together, in plain words. E.g. “Residents meet over food”.",
    "help.catalog.strengths": "The platform's strengths, e.g. “Makes it easy to ask for help”.",
    "help.catalog.weaknesses": "The platform's weaknesses, e.g. “Needs someone to take responsibility”.",
    "help.catalog.economy": "What the platform costs, in words. E.g. “Medium to set up; low to run”.",
    "help.catalog.construction_cost": "What it costs to set up the platform: Low, Medium or High.",
    "help.catalog.running_cost": "What it costs to run the platform each year: Low, Medium or High.",
    "help.catalog.dependency": "How much the platform depends on someone keeping it going: Low, Medium or High.",
    "help.catalog.maintainer": "Who usually keeps the platform going. Pick from the list, e.g. Residents together.",
    "help.catalog.other_maintainers": "Others who can keep the platform going, separated by commas. E.g. “Estate board, Volunteer associations”.",
    "help.catalog.id": (
        "A short, fixed key for the platform, e.g. “shared_kitchen”. Leave it as it is; for your own "
        "platforms it may be empty."
    ),
    # --- Merge (issue 15): copies brought into one workbook -------------------------
    "sheet.merge_log": "Merge log",
    "table.merge_log": "MergeLog",
    "title.merge_log": "What you brought in from the copies",
    "intro.merge_log": (
        "One line for every row the merge added, and for every row that existed in two versions. The merge "
        "writes new lines at the bottom; you may delete lines you are done with."
    ),
    "col.merge_log.when": "Merged",
    "col.merge_log.copy": "Copy",
    "col.merge_log.sheet": "Sheet",
    "col.merge_log.table": "Table",
    "col.merge_log.row": "Row",
    "col.merge_log.what": "What",
    "guide.merge_log.title": "Merging copies",
    "guide.merge_log.purpose": (
        "When you merge your colleagues' copies into this workbook (the Merge copies button or xlplugin merge), "
        "this sheet says what came from which copy."
    ),
    "guide.merge_log.method": [
        "Added: the row was only in the copy and now stands at the bottom of its table.",
        "Conflict: the row was in both, with different content. The copy's version stands right below yours. "
        "Keep the right one, delete the other row (Home > Delete > Delete Table Rows), and validate again.",
        "This sheet is left out when you print the whole workbook.",
    ],
    "merge.what.added": "Added",
    "merge.what.conflict": "Conflict",
    "finding.merge_conflict": (
        "The row exists in {n} versions after a merge (see line {log_row} on the sheet {log_sheet}); they stand "
        "right below each other."
    ),
    "advice.merge_conflict": (
        "Keep the version that is right and delete the other rows (Home > Delete > Delete Table Rows). If need "
        "be, correct the one you keep with the best of both."
    ),
    "cli.merge.help": "Merge colleagues' copies into the workbook; the copies are not changed",
    "cli.merge.target": "The workbook (.xlsx) the copies are merged into",
    "cli.merge.copies": "The copies (.xlsx) to merge in",
    "msg.merge.copy": "From {copy}: added {added}, conflicts {conflicts}, identical {same} (rows).",
    "msg.merge.table": "  {table}: added {added}, conflicts {conflicts}.",
    "msg.merge.nothing": "Nothing new in the copies; the workbook is unchanged.",
    "msg.merge.conflicts": (
        "Rows in two versions: {n}. The copy's version stands right below yours. See the sheet "
        "{log_sheet}, keep the right one, delete the other, and validate: Validate marks the conflicts left."
    ),
    "msg.merge.rule_errors": (
        "Warning: the copy {copy} has errors that Validate will report: {n} (e.g. a group that does not exist). "
        "Its rows are merged all the same; validate the workbook and fix the errors."
    ),
    "msg.merge.unreadable": (
        "The copy {copy} is not merged: cells or rows in it cannot be read ({n}), and they would be lost. Open the "
        "copy, validate it, fix the errors and merge again. Nothing has been changed."
    ),
    "msg.merge.copy_older": (
        "The copy {copy} was made with an older version of xlplugin (layout {found}; this version uses layout "
        "{current}). Run xlplugin upgrade on the copy and merge again. Nothing has been changed."
    ),
    "msg.merge.copy_newer": (
        "The copy {copy} was made with a newer version of xlplugin (layout {found}); this version reads up to "
        "layout {current}. Update xlplugin. Nothing has been changed."
    ),
    "msg.merge.same_file": "{copy} is the workbook itself; choose your colleagues' copies. Nothing has been changed.",
    "msg.merge.no_copies": "Choose at least one copy to merge in.",
    "ribbon.merge.label": "Merge copies",
    "ribbon.merge.screentip": "Bring your colleagues' copies into this workbook",
    "ribbon.merge.supertip": (
        "You choose one or more copies of the workbook. New rows are added, identical rows stand once, and rows "
        "with different content stand side by side for you to choose between. The copies are not changed."
    ),
    "ribbon.merge.filter": "Excel workbook (*.xlsx),*.xlsx",
    "ribbon.merge.title": "Choose the copies to merge in",
    "msg.merge.no_log_sheet": (
        "The button in Excel cannot add the sheet {sheet} the merge writes to. The first time you merge: save "
        "and close the workbook and run xlplugin merge WORKBOOK.xlsx COPY.xlsx; after that the button merges. "
        "Nothing has been changed."
    ),
}
