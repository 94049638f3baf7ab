import type { ReactNode } from 'react';

import './auth-card.css';

interface AuthCardProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

export const AuthCard = ({ title, subtitle, children, footer }: AuthCardProps) => (
  <div className="auth-card">
    <header className="auth-card__header">
      <h1 className="auth-card__title">{title}</h1>
      <p className="auth-card__subtitle">{subtitle}</p>
    </header>
    {children}
    <footer className="auth-card__footer">{footer}</footer>
  </div>
);
