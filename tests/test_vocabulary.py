"""The vocabulary the UI shares with the model: pinned to the model, and free of pydantic."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from upskill_ask import model, vocabulary
from upskill_ask.ui.store import DraftStore

from .conftest import ROOT


def test_the_blank_draft_is_the_models_blank_draft():
    assert vocabulary.blank_data() == model.Draft().model_dump(mode="json")


@pytest.mark.parametrize("kind", list(vocabulary.RequestKind))
def test_a_blank_option_reads_as_the_models_blank_option(kind):
    data = vocabulary.blank_data()
    data["currency"] = "GBP"
    data["options"] = [vocabulary.blank_option(kind.value, "GBP")]
    option = vocabulary.for_model(data)["options"][0]
    expected = model.Option(kind=kind, cost=model.Money(currency="GBP")).model_dump(mode="json")
    assert option == expected
    assert model.Draft.model_validate(vocabulary.for_model(data)).options[0].kind is kind


def test_empty_numbers_mean_zero_except_the_hourly_cost():
    data = vocabulary.blank_data()
    data["person"]["hourly_cost"] = ""
    data["options"] = [vocabulary.blank_option("paid_course", "EUR")]
    draft = model.Draft.model_validate(vocabulary.for_model(data))
    assert draft.person.hourly_cost is None
    assert draft.options[0].cost.amount == 0 and draft.options[0].hours_total == 0
    assert data["options"][0]["hours_total"] == ""  # the UI's data is not changed


def test_the_model_uses_the_vocabulary():
    assert model.RequestKind is vocabulary.RequestKind
    assert model.FORMAT_ID == vocabulary.FORMAT_ID == model.Draft().format
    assert model.VERSION == vocabulary.VERSION == model.Draft().version
    schema = model.Draft.model_json_schema()
    assert schema["properties"]["options"]["maxItems"] == vocabulary.OPTIONS_MAX
    assert schema["properties"]["objections"]["maxItems"] == vocabulary.OBJECTIONS_MAX
    assert set(vocabulary.KIND_LABELS) == set(vocabulary.KIND_HELP) == set(vocabulary.RequestKind)


def test_a_new_store_holds_the_blank_draft():
    assert DraftStore().data == vocabulary.blank_data()


def test_the_first_page_is_shown_without_pydantic():
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from upskill_ask.ui.wizard import RequestWizard\n"
            "w = RequestWizard()\n"
            "w.show()\n"
            "app.processEvents()\n"
            "loaded = 'pydantic' in sys.modules\n"
            "w.store.dirty = False\n"
            "w.review_page.shutdown()\n"
            "print(loaded)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
