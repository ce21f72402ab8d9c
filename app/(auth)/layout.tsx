import { AreaMessages } from "@/components/layout/area-messages";

// The sign-in, registration and e-mail confirmation forms read the "auth" texts.
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <AreaMessages namespaces={["auth"]}>{children}</AreaMessages>;
}
