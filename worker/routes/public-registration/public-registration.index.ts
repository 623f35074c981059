import { createRouter } from "../../lib/create-app";
import * as handlers from "./public-registration.handlers";
import * as routes from "./public-registration.routes";

export const publicRegistrationRouter = createRouter()
  .openapi(routes.page, handlers.page)
  .openapi(routes.register, handlers.register)
  .openapi(routes.readOwn, handlers.readOwn)
  .openapi(routes.updateOwn, handlers.updateOwn)
  .openapi(routes.withdrawOwn, handlers.withdrawOwn);
