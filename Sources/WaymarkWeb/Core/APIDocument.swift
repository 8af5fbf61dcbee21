/// The OpenAPI 3.1 description of the whole API, served at `/api/v1/openapi.json` (one document for every area's paths,
/// so it lives in the glue the areas share): the read-only plan and quality APIs, for which requests are authenticated
/// by the signed-in session cookie, and indicator values sent by partner systems with their API token. Without either
/// the API answers 401 in JSON. `PlanTests` checks every API route is described; the browser tests check the document
/// against the OpenAPI 3.1 specification with `openapi-spec-validator`.
package enum APIDocument {
    package static let document = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Waymark API",
            "version": "1",
            "description": "Read-only access to the partnership's plans (plans, outcomes, objectives and actions with who is responsible, how each is monitored and how it is going; the view-plan permission) and to case audits and learning actions (the view-quality permission, narrowed as the pages narrow them: no child's name, only their local identifier); sign in first (the session cookie). Partner systems send indicator values with the API token the council issued to their organisation, for the indicators it was issued for; values are checked as a whole and saved all or nothing."
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
              "Grade": {
                "type": "object", "required": ["domain", "title", "grade"],
                "properties": {"domain": {"type": "string", "examples": ["planning", "overall"]}, "title": {"type": "string"},
                  "grade": {"type": "string", "examples": ["Requires improvement to be good"]}}
              },
              "Audit": {
                "type": "object", "required": ["id", "programmeId", "programme", "child", "team", "state", "locked"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "programmeId": {"type": "string", "format": "uuid"}, "programme": {"type": "string"},
                  "child": {"type": "string", "description": "The child's local identifier: never their name."}, "team": {"type": "string"},
                  "state": {"type": "string", "enum": ["assigned", "submitted"]}, "auditDay": {"type": "string", "format": "date"},
                  "overall": {"type": "string", "description": "The overall grade now: the one moderation decided, else the auditor's."},
                  "locked": {"type": "boolean", "description": "Whether its grades are settled and can no longer change."},
                  "reauditOf": {"type": "string", "format": "uuid", "description": "The earlier audit, graded inadequate overall, this one re-audits."}
                }
              },
              "AuditDetail": {
                "type": "object", "required": ["audit", "grades", "learningActions"],
                "properties": {"audit": {"$ref": "#/components/schemas/Audit"},
                  "grades": {"type": "array", "items": {"$ref": "#/components/schemas/Grade"}, "description": "Each domain's grade now, then overall."},
                  "learningActions": {"type": "array", "items": {"$ref": "#/components/schemas/LearningAction"}}}
              },
              "LearningAction": {
                "type": "object", "required": ["id", "auditId", "description", "level", "owner", "evidenceRequired", "due", "state"],
                "properties": {
                  "id": {"type": "string", "format": "uuid"}, "auditId": {"type": "string", "format": "uuid"}, "description": {"type": "string"},
                  "domain": {"type": "string"}, "level": {"type": "string", "enum": ["practitioner", "team", "service", "partnership", "workforce-development"]},
                  "owner": {"type": "string"}, "evidenceRequired": {"type": "string"}, "due": {"type": "string", "format": "date"},
                  "state": {"type": "string", "enum": ["open", "closed", "verified"]}, "overdue": {"type": "boolean"}
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
              "Forbidden": {"description": "Signed in without the permission the route needs (view-plan or view-quality).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "No such plan, action or audit, or not one the person may see.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "parameters": {
              "planSlug": {"name": "planSlug", "in": "path", "required": true, "schema": {"type": "string"}},
              "actionRef": {"name": "actionRef", "in": "path", "required": true, "schema": {"type": "string"}},
              "auditID": {"name": "auditID", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}
            }
          },
          "security": [{"session": []}],
          "paths": {
            "/audits": {"get": {"operationId": "listAudits", "summary": "The case audits the person may see: their own, and those of the children their part holds (QA and leadership: all)",
              "responses": {"200": {"description": "The audits, by programme and the order drawn.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Audit"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
            "/audits/{auditID}": {"get": {"operationId": "getAudit", "summary": "One case audit with its grades now and its learning actions",
              "parameters": [{"$ref": "#/components/parameters/auditID"}],
              "responses": {"200": {"description": "The audit.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditDetail"}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}, "404": {"$ref": "#/components/responses/NotFound"}}}},
            "/learning-actions": {"get": {"operationId": "listLearningActions", "summary": "The learning actions of the audits the person may see, and those they own",
              "responses": {"200": {"description": "The actions, soonest due first.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/LearningAction"}}}}},
                "401": {"$ref": "#/components/responses/Unauthorised"}, "403": {"$ref": "#/components/responses/Forbidden"}}}},
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
