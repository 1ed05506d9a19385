/** Every API route of the application, one line per module. */
import { sessionRoutes } from "../modules/session/session.routes.ts";
import type { AnyRoute } from "./route.ts";

export const allRoutes: AnyRoute[] = [...sessionRoutes];
