"""The API's OpenAPI document is valid OpenAPI 3.1, checked by a third party's validator (openapi-spec-validator), as
a partner's tools would read it."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_the_openapi_document_is_valid_openapi_3_1(base_url):
    with urllib.request.urlopen(base_url + "/api/v1/openapi.json") as response:
        document = json.load(response)
    assert document["openapi"] == "3.1.0"
    validate(document)  # raises, naming the path of the first problem, when the document is not valid
    assert {"/audits", "/audits/{auditID}", "/learning-actions", "/plans"} <= set(document["paths"])
