"""The JSON Schema of draft files, for editors that complete and validate them."""

from __future__ import annotations

from typing import Any

SCHEMA_ID = "https://upskill-ask.invalid/schema/draft-v1.json"


def draft_schema() -> dict[str, Any]:
    from upskill_ask.model import Draft

    schema = Draft.model_json_schema(mode="validation")
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
    schema["title"] = "upskill-ask draft"
    schema["description"] = ("A proposal being prepared with upskill-ask. Everything under "
                             "'private' is for the employee only and never reaches the manager.")
    schema["required"] = sorted(set(schema.get("required", [])) | {"format", "version"})
    return schema
