import { Alert } from 'antd';
import { Component, type ReactNode } from 'react';

interface PreviewBoundaryProps {
  /** A new value (the next questionnaire) tries again. */
  resetKey: unknown;
  describe: (error: Error) => string;
  children: ReactNode;
}

/** survey-core can throw while drawing a half-edited questionnaire; the editor stays usable and the next edit tries again. */
export class PreviewBoundary extends Component<PreviewBoundaryProps, { error: Error | null; key: unknown }> {
  override state: { error: Error | null; key: unknown } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PreviewBoundaryProps, state: { error: Error | null; key: unknown }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (this.state.error) return <Alert type="error" showIcon title={this.props.describe(this.state.error)} />;
    return this.props.children;
  }
}
