"""GET /api/v1/cases/{id}/cms1500: the newest export's form again, for the red form or for review."""
from __future__ import annotations

import re
import subprocess


def words_at(data: bytes, tmp_path, word: str) -> list[tuple[float, float]]:
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y)) for x, y, text in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html) if text == word]


def test_print_needs_an_export_first(client, auth, make_ready_case):
    case_id = make_ready_case()
    answer = client.get(f"/api/v1/cases/{case_id}/cms1500", headers=auth("biller"))
    assert answer.status_code == 409 and answer.get_json()["code"] == "not_exported"


def test_data_mode_moves_with_the_printer_offsets(client, auth, make_ready_case, configure, tmp_path):
    case_id = make_ready_case()
    assert client.get(f"/api/v1/cases/{case_id}/export", query_string={"to_pms": "false"},
                      headers=auth("biller")).status_code == 200
    plain = client.get(f"/api/v1/cases/{case_id}/cms1500", headers=auth("biller"))
    assert plain.status_code == 200 and plain.mimetype == "application/pdf"
    configure(cms1500={"offset_x_in": 0.5, "offset_y_in": 0.25})
    shifted = client.get(f"/api/v1/cases/{case_id}/cms1500", query_string={"mode": "data"}, headers=auth("biller"))
    before, after = words_at(plain.data, tmp_path, "E0486"), words_at(shifted.data, tmp_path, "E0486")
    assert before and after
    assert abs(after[0][0] - before[0][0] - 36) < 0.5 and abs(after[0][1] - before[0][1] - 18) < 0.5
    full = client.get(f"/api/v1/cases/{case_id}/cms1500", query_string={"mode": "full"}, headers=auth("biller"))
    assert full.status_code == 200 and full.data != plain.data
