import WaymarkDomain
import WaymarkRouting
import WaymarkUI
import WaymarkWeb

/// The OpenAPI 3.1 description of the API, served at `/api/v1/openapi.json`: the read-only plan API, for which
/// requests are authenticated by the signed-in session cookie, and indicator values sent by partner systems with
/// their API token. Without either the API answers 401 in JSON.
enum APIDocument {
    static let document = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Waymark API",
            "version": "1",
            "description": "Read-only access to the partnership's plans: plans, outcomes, objectives and actions with who is responsible, how each is monitored and how it is going; sign in first (the session cookie, with the view-plan permission). Partner systems send indicator values with the API token the council issued to their organisation, for the indicators it was issued for; values are checked as a whole and saved all or nothing."
          },
          "servers": [{"url": "/api/v1"}],
          "components": {
            "securitySchemes": {
              "session": {"type": "apiKey", "in": "cookie", "name": "waymark-session"},
              "partnerToken": {"type": "http", "scheme": "bearer", "description": "A partner system's API token, issued on the admin page API tokens."}
            },
            "schemas": {
              "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
              "IndicatorValue": {
                "type": "object", "required": ["area", "period"], "additionalProperties": false,
                "description": "One row of the indicator values table; the fields and rules are those of the upload template.",
                "properties": {
                  "area": {"type": "string"}, "period": {"type": "string", "examples": ["FY2023-24", "AY2023-24", "2023", "2023-Q2", "2023-05", "R12-2023-05", "2023-03-31"]},
                  "value": {"type": ["number", "null"]}, "count": {"type": ["integer", "null"]}, "denominator": {"type": ["number", "null"]},
                  "lower": {"type": ["number", "null"]}, "upper": {"type": ["number", "null"]},
                  "status": {"type": ["string", "null"], "enum": ["provisional", "final", null]}, "source": {"type": ["string", "null"]},
                  "target": {"type": ["number", "null"]}, "target_origin": {"type": ["string", "null"], "enum": ["plan", "national", "local", null]},
                  "story_behind_the_curve": {"type": ["string", "null"]}, "partners": {"type": ["string", "null"]},
                  "what_works": {"type": ["string", "null"]}, "action_plan": {"type": ["string", "null"]}
                }
              },
              "IndicatorValues": {"type": "object", "required": ["values"], "properties": {"values": {"type": "array", "items": {"$ref": "#/components/schemas/IndicatorValue"}}}},
              "IndicatorValuesSaved": {
                "type": "object", "required": ["added", "changed", "unchanged", "summary"],
                "properties": {"added": {"type": "integer"}, "changed": {"type": "integer"}, "unchanged": {"type": "integer"}, "summary": {"type": "string"}}
              },
              "IndicatorValuesRefused": {
                "type": "object", "required": ["error", "problems"],
                "properties": {"error": {"type": "string"}, "problems": {"type": "array", "items": {"type": "string"}, "examples": [["values[1].value: \"12,5\" is not a number; write decimals with a point, like 12.5"]]}}
              },
              "Plan": {
                "type": "object",
                "required": ["slug", "title", "kind", "status", "version", "starts", "ends", "measures", "actions", "red", "amber", "green", "notRated"],
                "properties": {
                  "slug": {"type": "string"}, "title": {"type": "string"},
                  "kind": {"type": "string", "enum": ["partnership", "summary", "improvement", "pledge"]},
                  "status": {"type": "string", "enum": ["draft", "active", "archived"]},
                  "version": {"type": "string"}, "starts": {"type": "string", "format": "date"}, "ends": {"type": "string", "format": "date"},
                  "vision": {"type": "string"}, "measures": {"type": "array", "items": {"type": "string"}},
                  "actions": {"type": "integer"}, "red": {"type": "integer"}, "amber": {"type": "integer"}, "green": {"type": "integer"},
                  "notRated": {"type": "integer"}, "averageProgress": {"type": "integer", "minimum": 0, "maximum": 100}
                }
              },
              "Outcome": {
                "type": "object", "required": ["ref", "name", "principles", "childFriendlyCommunities"],
                "properties": {"ref": {"type": "string"}, "name": {"type": "string"}, "ambition": {"type": "string"},
                  "principles": {"type": "array", "items": {"type": "string"}}, "childFriendlyCommunities": {"type": "boolean"}}
              },
              "Objective": {
                "type": "object", "required": ["ref", "outcomeRef", "title"],
                "properties": {"ref": {"type": "string"}, "outcomeRef": {"type": "string"}, "title": {"type": "string"}}
              },
              "Action": {
                "type": "object",
                "required": ["ref", "objectiveRef", "outcomeRef", "title", "responsible", "monitoring", "status", "progress"],
                "properties": {
                  "ref": {"type": "string"}, "objectiveRef": {"type": "string"}, "outcomeRef": {"type": "string"}, "title": {"type": "string"},
                  "responsible": {"type": "array", "items": {"type": "string"}}, "monitoring": {"type": "array", "items": {"type": "string"}},
                  "lead": {"type": "string"}, "starts": {"type": "string", "format": "date"}, "due": {"type": "string", "format": "date"},
                  "status": {"type": "string", "enum": ["not-started", "on-track", "at-risk", "off-track", "complete", "cancelled"]},
                  "progress": {"type": "integer", "minimum": 0, "maximum": 100},
                  "rag": {"type": "string", "enum": ["red", "amber", "green"]}, "ragReason": {"type": "string"},
                  "lastUpdate": {"type": "string", "format": "date"}
                }
              },
              "PlanDetail": {
                "type": "object", "required": ["plan", "outcomes", "objectives", "actions"],
                "properties": {"plan": {"$ref": "#/components/schemas/Plan"},
                  "outcomes": {"type": "array", "items": {"$ref": "#/components/schemas/Outcome"}},
                  "objectives": {"type": "array", "items": {"$ref": "#/components/schemas/Objective"}},
                  "actions": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}
              }
            },
            "responses": {
              "Unauthorised": {"description": "Not signed in.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "Signed in without the view-plan permission.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "No such plan or action.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "parameters": {
              "planSlug": {"name": "planSlug", "in": "path", "required": true, "schema": {"type": "string"}},
              "actionRef": {"name": "actionRef", "in": "path", "required": true, "schema": {"type": "string"}}
            }
          },
          "security": [{"session": []}],
          "paths": {
            "/indicators/{indicatorCode}/values": {"post": {"operationId": "sendIndicatorValues", "summary": "Add or correct an indicator's values (partner systems)",
              "security": [{"partnerToken": []}],
              "parameters": [{"name": "indicatorCode", "in": "path", "required": true, "schema": {"type": "string"}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IndicatorValues"}}}},
              "responses": {"200": {"description": "Every value was right and is saved.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IndicatorValuesSaved"}}}},
                "401": {"description": "No token, or one that is unknown or revoked.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "403": {"description": "The token was not issued for this indicator.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
                "422": {"description": "Some values are wrong; nothing was saved.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IndicatorValuesRefused"}}}}}}},
            "/plans": {"get": {"operationId": "listPlans", "summary": "Every plan with its RAG spread",
              "responses": {"200": {"description": "The plans.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Plan"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/plans/{planSlug}": {"get": {"operationId": "getPlan", "summary": "One plan with its outcomes, objectives and actions",
              "parameters": [{"$ref": "#/components/parameters/planSlug"}],
              "responses": {"200": {"description": "The plan.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PlanDetail"}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/plans/{planSlug}/outcomes": {"get": {"operationId": "listOutcomes", "summary": "A plan's outcomes",
              "parameters": [{"$ref": "#/components/parameters/planSlug"}],
              "responses": {"200": {"description": "The outcomes.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Outcome"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/plans/{planSlug}/objectives": {"get": {"operationId": "listObjectives", "summary": "A plan's objectives",
              "parameters": [{"$ref": "#/components/parameters/planSlug"}],
              "responses": {"200": {"description": "The objectives.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Objective"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/plans/{planSlug}/actions": {"get": {"operationId": "listActions", "summary": "A plan's actions",
              "parameters": [{"$ref": "#/components/parameters/planSlug"}],
              "responses": {"200": {"description": "The actions.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Action"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/plans/{planSlug}/actions/{actionRef}": {"get": {"operationId": "getAction", "summary": "One action",
              "parameters": [{"$ref": "#/components/parameters/planSlug"}, {"$ref": "#/components/parameters/actionRef"}],
              "responses": {"200": {"description": "The action.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Action"}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}}
          }
        }
        """#
}
