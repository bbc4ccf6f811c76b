"""The one exception tree of eventwire.

Every error eventwire raises on purpose derives from :class:`EventwireError`; it is split
by the stage that raises it so callers can catch exactly what they can handle.
Messages say what went wrong and what to do next.

A *bad document* is never an exception: it becomes a :class:`eventwire.records.Rejected`
record that is counted, reported and stored. Exceptions are for problems with the run
itself: bad settings, unreadable data files, a missing model, an unreachable database.

    EventwireError
    ├── ConfigError            settings file or environment variable is invalid
    ├── ModelError             the spaCy pipeline cannot be loaded
    ├── ResourceError          a packaged lexicon/gazetteer/actor file is invalid
    │   └── DictionaryError    a user actor dictionary (YAML/CSV/.actors) is invalid
    ├── InputError             a path or input stream cannot be used at all (I/O)
    ├── StoreError             the event store cannot be opened or written
    │   └── StoreSchemaError   the store exists but has an incompatible schema
    ├── ExportError            an export target cannot be written
    └── EvalError              a gold file is malformed
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """A settings file, option or EVENTWIRE_* environment variable is invalid."""


class ModelError(EventwireError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class ResourceError(EventwireError):
    """A data file shipped with eventwire (lexicon, actors, gazetteer) is invalid."""


class DictionaryError(ResourceError):
    """A user-supplied actor dictionary is invalid."""


class InputError(EventwireError):
    """An input path or stream cannot be used at all."""


class StoreError(EventwireError):
    """The event store cannot be opened, read or written."""


class StoreSchemaError(StoreError):
    """The store exists but its schema is not one this version can use."""


class ExportError(EventwireError):
    """An export target cannot be written."""


class EvalError(EventwireError):
    """A gold-standard file is malformed."""
