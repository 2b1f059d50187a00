"""``cowkg eval``: measure what the real build reads from real news articles, against gold facts.

The development corpus (setting ``articles_dir``, default ``../shared/articles``) holds third-party
articles ``*.txt`` and ``gold-*.yaml``: per article its record (``doc``, ``title``, ``publisher``,
``published``, ``language``) and what a careful reader takes from it (meetings, pledges, counts,
statements, each with verbatim evidence). The articles are never copied into the repository.

How it measures (no evaluation-only extraction path):

1. A scratch folder ``var/eval/`` is emptied; the project's ``seeds/`` are copied to
   ``var/eval/seeds/``, the articles beside them, and each article's record is appended to the
   scratch ``sources.yaml`` from its gold metadata (file, title, publisher, date = ``published``,
   language, kind news) — exactly what a user adding an article does.
2. :func:`cowkg.pipeline.build` builds that folder into ``var/eval/graph/`` with an empty cache
   (a cold build; its time is printed).
3. The built ``cowkg.nq`` is loaded into Oxigraph and the facts are read back with SPARQL, per
   article: only fact graphs that are ``prov:wasDerivedFrom`` the article's source document count,
   so a meeting the seeds also report is scored on what this article yields.

Matching rules (one-to-one: each gold item matches at most one graph item and vice versa; a
maximum bipartite matching, so the order of items does not matter):

- **States**: ISO 3166-1 alpha-3 code; gold names go through :func:`cowkg.mentions.state_key`
  (pycountry names plus the aliases of ``cowkg/data/states.yaml``: UK/Britain/United Kingdom,
  Turkey/Türkiye …); graph states by their IRI key (the alpha-3 code).
- **Organisations**: the key of ``cowkg/data/organizations.yaml`` whose label or an alias is the
  name (case-insensitive), else the slug of the name; graph organisations (and the coalition) by
  IRI key.
- **People**: names are transliterated and folded (:func:`cowkg.mentions.slug`: case,
  diacritics, ø…); titles and honorifics ("King", "President", "Sir"…), regnal numbers and
  particles ("von der") are dropped; the last token is the surname, the first (if any other) the
  first name. Two names are one person when the surnames are equal, or at least 0.85 similar
  (``difflib`` ratio) *with the same first and last letter* (Zelensky / Zelenskiy / Zelenskyy
  meet; Zelensky / Zelenska do not), and the first names are compatible: equal, one missing (a
  surname alone), one an initial of the other, or at least 0.8 similar (Lindsay / Lindsey).
- **An agent** (host, chair, pledger, speaker) is a state, organisation or person by the rules
  above, once a parenthetical aside is dropped ("Coalition of the Willing (co-chairs …)" is the
  coalition); a gold name that is neither a state nor a listed organisation is taken as a person,
  and a group ("26 of Ukraine's allies", "European leaders", a list of states) matches only a
  graph ``cow:UnnamedStateGroup`` whose label gives the same first number ("26 of Ukraine’s
  allies"); a group whose name has no number matches no graph agent.
- **Places**: a graph place's names are its labels and those of the place it is
  ``schema:containedInPlace``, each also split at commas ("Lancaster House, London" → both
  parts); a gold place (or, when it has none, its venue) matches when its slug is one of them, so
  a venue within the gold city matches the city.

Categories:

- **coalition meetings** — gold meetings with ``coalition_meeting: true`` against the graph's
  meetings of this article (the subject of a meeting fact — date, place, format, host, chair,
  participation, absence — derived from it) that the graph makes ``cow:meetingOf`` a
  ``cow:Coalition`` (in any fact). A pair matches when the dates are equal (a gold meeting
  without a date matches only an undated one) and the places agree: the gold place (or venue)
  matches a place this article gives the meeting, or, when gold gives neither, this article
  gives none.
- **meeting alignment** for the attribute categories below: the pairs matched as above, then the
  remaining gold coalition meetings and graph coalition meetings of equal date whose places do not
  contradict (either side has none). Attributes of graph meetings aligned with no gold coalition
  meeting are not scored here (the meeting itself is a false positive above).
- **format** (in-person | virtual | hybrid, from ``schema:eventAttendanceMode``), **hosts/chairs**
  (gold ``host_country`` and ``chairs`` as one set of agents against ``cow:hostedBy`` and
  ``cow:chairedBy``), **attending states** (``cow:participant`` or ``cow:onBehalfOf`` states),
  **people** and **organisations** (participants, and organisations on whose behalf one attends):
  for each aligned pair, what gold lists against what facts of this article give that meeting.
- **pledges (pledger+kind)**: gold pledger and kind (troops | money | equipment | capability |
  other) against ``cow:Pledge`` ``cow:pledgedBy`` and the label of ``cow:pledgeKind``;
  **pledges (+amount)** also needs the amount: gold ``value`` equal to the money value
  (``schema:value``) or a bound of the quantity (``schema:minValue``/``maxValue``), currencies
  equal when both are given; a gold pledge without a value matches a pledge without an amount.
- **counts**: gold ``value`` equal to ``cow:countValue``, ``cow:countMinimum`` or
  ``cow:countMaximum`` of a ``cow:CountClaim``, and an evidence passage of the claim overlapping
  (by offsets) a gold evidence string — so the counted thing is the one gold means.
- **statements**: a ``cow:Statement`` whose ``cow:statedBy`` is the gold speaker (agent rules) and
  whose evidence overlaps the gold evidence.

Checks beside the scores: **non-coalition attendees** — participations this article gives a graph
coalition meeting that gold records as *not* a coalition meeting (aligned by date and place as
above, and aligned with no gold coalition meeting); **evidence verified** — the share of this
article's fact graphs whose every evidence passage is the article's text at its offsets.
"""
