"""The extract stage: who did what to whom, from the parse, with modality and evidence."""

from eventwire.extract.document import Resources, code_document

__all__ = ["Resources", "code_document"]
