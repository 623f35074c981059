import { createRouter } from "../../lib/create-app";
import * as handlers from "./public-action-day.handlers";
import * as routes from "./public-action-day.routes";

/** An action day's public pages and links (docs/action-days.md). */
export const publicActionDayRouter = createRouter()
  .openapi(routes.page, handlers.page)
  .openapi(routes.submitProject, handlers.submitProject)
  .openapi(routes.submitTeam, handlers.submitTeam)
  .openapi(routes.readProject, handlers.readProject)
  .openapi(routes.updateProject, handlers.updateProject)
  .openapi(routes.readTeam, handlers.readTeam)
  .openapi(routes.updateTeam, handlers.updateTeam)
  .openapi(routes.eraseProjectContact, handlers.eraseProjectContact)
  .openapi(routes.eraseTeamContact, handlers.eraseTeamContact)
  .openapi(routes.readResults, handlers.readResults)
  .openapi(routes.enterResults, handlers.enterResults);
