"""Reading the archive as a corpus: turns, concordance, trends, collocates, keyness, parallel texts, watches.

One module per job; each takes the archive's database handle and returns plain records. No Rich here.
"""
