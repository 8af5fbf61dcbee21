/// The OpenAPI 3.1 description of the read-only plan API, served at `/api/v1/openapi.json`.
/// Requests are authenticated by the signed-in session cookie; without one the API answers 401 in JSON.
enum PlanOpenAPI {
    static let document = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Waymark plan API",
        "version": "1",
        "description": "Read-only access to the partnership's plans: plans, outcomes, objectives and actions with who is responsible, how each is monitored and how it is going. Sign in first: the API uses the session cookie and needs the view-plan permission."
      },
      "servers": [{"url": "/api/v1"}],
      "components": {
        "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "waymark-session"}},
        "schemas": {
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
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
