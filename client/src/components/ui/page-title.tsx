import { useTranslation } from 'react-i18next';

/** React hoists `<title>` into the document head; every page names itself for tabs and screen readers. */
export const PageTitle = ({ title }: { title: string }) => {
  const { t } = useTranslation();
  return <title>{`${title} · ${t('app.name')}`}</title>;
};
