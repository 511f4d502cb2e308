"""upskill-ask: prepare the ask that gets your employer to support the skill you want to learn.

The package is the core (plain Python, no Qt): the draft model, costing, the objection library,
rendering of the proposal, prep sheet and email draft, and the command line. ``upskill_ask.ui``
is the Qt wizard on top of it.
"""

__version__ = "0.1.0"
