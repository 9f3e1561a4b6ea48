"""The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json."""

from __future__ import annotations

from typing import Any

_PROBLEM = {"$ref": "#/components/schemas/Problem"}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": _PROBLEM}},
    }


DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "Support First API",
        "version": "1",
        "description": "For other council systems. Every call needs a bearer token, made by a "
        "council administrator on the API tokens page or with `supportfirst api token create "
        "USERNAME --name SYSTEM --scope read|read_and_move --expires DAYS`; it sees what that "
        "staff account sees, every read is in the family's access log, a read-only token cannot "
        "move requests on, and every token expires.",
    },
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Problem": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                },
            },
            "Request": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "reference": {"type": "string"},
                    "family_reference": {"type": "string"},
                    "child": {
                        "type": "object",
                        "properties": {
                            "first_name": {"type": "string"},
                            "last_name": {"type": "string"},
                        },
                    },
                    "received_at": {"type": "string", "format": "date-time"},
                    "who_asked": {"type": "string"},
                    "help_asked_for": {"type": "string"},
                    "status": {"type": "string"},
                    "status_label": {"type": "string"},
                    "next_step_due": {"type": "string", "format": "date"},
                    "next_step_working_days_left": {"type": "integer"},
                    "assessment_due": {"type": "string", "format": "date"},
                    "moves_allowed": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
    },
    "security": [{"token": []}],
    "paths": {
        "/api/v1/requests/{request_id}": {
            "get": {
                "summary": "A request for help, its status and clocks",
                "parameters": [
                    {
                        "name": "request_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "The request",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Request"}}
                        },
                    },
                    "401": _problem_response("No valid token (missing, expired or revoked)"),
                    "403": _problem_response("The token's account does not do casework"),
                    "404": _problem_response("No such request in your council"),
                    "405": _problem_response("Wrong method"),
                    "429": _problem_response("Too many requests: see the Retry-After header"),
                },
            }
        },
        "/api/v1/requests/{request_id}/moves": {
            "post": {
                "summary": "Make the next-step decision on a request",
                "parameters": [
                    {
                        "name": "request_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["move"],
                                "additionalProperties": False,
                                "properties": {
                                    "move": {"enum": ["decide_support", "decide_information"]},
                                    "information_given": {"type": "string", "maxLength": 5000},
                                    "agreed_by": {
                                        "type": "string",
                                        "maxLength": 200,
                                        "description": "decide_information: who in the family "
                                        "agreed that information and advice is enough",
                                    },
                                    "agreed_on": {"type": "string", "format": "date"},
                                    "agreed_how": {
                                        "type": "string",
                                        "maxLength": 200,
                                        "description": "For example: on the phone",
                                    },
                                },
                            }
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "The request after the move",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Request"}}
                        },
                    },
                    "400": _problem_response(
                        "Unknown move, bad JSON, a field that is not text, too long, holds a NUL "
                        "character or is not one this call takes"
                    ),
                    "401": _problem_response("No valid token (missing, expired or revoked)"),
                    "403": _problem_response(
                        "The token's account does not do casework, or the token can only read"
                    ),
                    "404": _problem_response("No such request in your council"),
                    "405": _problem_response("Wrong method"),
                    "429": _problem_response("Too many requests: see the Retry-After header"),
                    "409": _problem_response(
                        "The request is not in a state where this move can be made"
                    ),
                    "413": _problem_response("The body is too big"),
                    "415": _problem_response("The body is not sent as application/json"),
                    "422": _problem_response("Something the move needs is missing"),
                },
            }
        },
    },
}
