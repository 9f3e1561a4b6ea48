"""The protocol audit: reads a council's assessment protocol and says, item by item, whether it
gives disabled children and their families a support-first assessment, quoting the sentences that
decided each answer; scores its reading ease; and finds near-copies across councils.

Plain Python, no Django: `documents` reads PDF, Word, web pages and plain text into paragraphs
with page numbers; `checklist` holds the named items; `similarity` compares documents; `audit`
puts them together; `report` writes text, JSON and HTML; `cli` is `supportfirst protocol audit`.
"""
