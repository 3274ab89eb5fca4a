"""Models read from objects: the one way a response model or an event payload is built from a
row, a record or a domain object.

Pydantic reads a model from an object's attributes of the same names
(`from_attributes=True`); `from_attributes(Model, obj, name=value)` does that with some
fields given instead, for the few that are renamed, computed or joined from elsewhere. A
builder then names only what differs from the row, not every field again.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def from_attributes(model: type[M], obj: object, /, **given: object) -> M:
    """`model` validated from `obj`'s attributes of its fields' names, with the `given` ones
    as given (a field with neither an attribute nor a given value is an error, not a
    default: a renamed attribute must be named)."""
    if unknown := given.keys() - model.model_fields.keys():
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    values = {
        name: given[name] if name in given else getattr(obj, name) for name in model.model_fields
    }
    return model.model_validate(values, from_attributes=True)
