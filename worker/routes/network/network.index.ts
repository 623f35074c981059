import { createRouter } from "../../lib/create-app";
import * as handlers from "./network.handlers";
import * as routes from "./network.routes";

export const networkRouter = createRouter().openapi(routes.network, handlers.network).openapi(routes.isolated, handlers.isolated);
