"""A small client of the ansinh API (docs/api.md), with the standard library only.

    python docs/examples/api_client.py http://127.0.0.1:8000 ansinh_xxxx

reads the Đức Phổ program's evaluation for the town in 2026, writes one value for xã Nguyễn
Nghiêm (21457) in 2026S2 (the token's user must be allowed to enter it), and shows the refusal
for another commune.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request


class AnsinhError(Exception):
    def __init__(self, status: int, body: dict):
        super().__init__(f"{status} {body.get('code')}: {body.get('message')}")
        self.status, self.body = status, body


class Client:
    def __init__(self, base_url: str, token: str):
        self.base = base_url.rstrip("/") + "/api/v1"
        self.token = token

    def _call(self, method: str, path: str, body: dict | None = None, headers: dict | None = None) -> tuple[dict, dict]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json", **(headers or {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read()), dict(response.headers)
        except urllib.error.HTTPError as error:
            raise AnsinhError(error.code, json.loads(error.read() or b"{}")) from None

    def evaluation(self, program: str, unit: str, year: int) -> dict:
        return self._call("GET", f"/programs/{program}/evaluation?unit={unit}&year={year}")[0]

    def set_value(self, element: str, unit: str, period: str, value: str, comment: str = "") -> dict:
        """Write a value; if one is stored, send the version read so nobody's change is overwritten."""
        headers = {}
        try:
            _current, response_headers = self._call("GET", f"/datavalues/{element}/{unit}/{period}")
            headers["If-Match"] = response_headers["ETag"]
        except AnsinhError as error:
            if error.status != 404:
                raise
        return self._call("PUT", f"/datavalues/{element}/{unit}/{period}", {"value": value, "comment": comment}, headers)[0]


def main(base_url: str, token: str) -> None:
    client = Client(base_url, token)
    for row in client.evaluation("duc-pho-42", "534", 2026)["targets"]:
        if row["status"] == "off_track":
            print(f"{row['target']} {row['name']}: {row['value']} {row['unit']} ({row['status_vi']})")
    print(client.set_value("NHA_TAM", "21457", "2026S2", "3", "qua API"))
    try:
        client.set_value("NHA_TAM", "21472", "2026S2", "3")
    except AnsinhError as error:
        print(f"từ chối: {error}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
