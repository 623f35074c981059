import { createRouter } from "../../lib/create-app";
import * as handlers from "./checklists.handlers";
import * as routes from "./checklists.routes";

/** Checklist templates and each event's working checklist (docs/checklists.md). */
export const checklistsRouter = createRouter()
  .openapi(routes.getTemplate, handlers.getTemplate)
  .openapi(routes.putTemplate, handlers.putTemplate)
  .openapi(routes.deleteTemplate, handlers.deleteTemplate)
  .openapi(routes.getChecklist, handlers.getChecklist)
  .openapi(routes.createChecklist, handlers.createChecklist)
  .openapi(routes.addItem, handlers.addItem)
  .openapi(routes.updateItem, handlers.updateItem)
  .openapi(routes.deleteItem, handlers.deleteItem);
