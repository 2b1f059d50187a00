"""The reading layer: every unit of a source read into clause records, then typed facts.

```
source ─► units (sentence, list item, headline, caption, reference title)
       ─► spaCy parse (tokens, dependencies, named entities; en_core_web_sm, shipped as a package)
       ─► agents (the mention tables normalise names; spaCy's entities admit names no table lists)
       ─► clause records (action, agents by grammatical role, polarity, modality, tense, time,
          place, quantities, speaker of reported speech, verbatim span)
       ─► typed facts (declarative mappings, one module per class of sentence)
```

:mod:`cowkg.read.nlp` parses, :mod:`cowkg.read.units` cuts units, :mod:`cowkg.read.agents`
recognises names openly, :mod:`cowkg.read.clauses` builds the records and holds the action
lexicon (one table: lemma → action class).
"""
