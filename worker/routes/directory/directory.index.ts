import { createRouter } from "../../lib/create-app";
import * as handlers from "./directory.handlers";
import * as routes from "./directory.routes";

export const directoryRouter = createRouter()
  .openapi(routes.list, handlers.list)
  .openapi(routes.getOwn, handlers.getOwn)
  .openapi(routes.putOwn, handlers.putOwn)
  .openapi(routes.issueEditLink, handlers.issueEditLink)
  .openapi(routes.getByLink, handlers.getByLink)
  .openapi(routes.putByLink, handlers.putByLink);
