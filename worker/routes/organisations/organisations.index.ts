import { createRouter } from "../../lib/create-app";
import * as handlers from "./organisations.handlers";
import * as routes from "./organisations.routes";

// Static paths (bulk) are registered before /{id} so they are not taken for an id.
export const organisationsRouter = createRouter()
  .openapi(routes.bulk, handlers.bulk)
  .openapi(routes.personalData, handlers.personalData)
  .openapi(routes.erase, handlers.erase)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.create, handlers.create)
  .openapi(routes.update, handlers.update)
  .openapi(routes.remove, handlers.remove);
